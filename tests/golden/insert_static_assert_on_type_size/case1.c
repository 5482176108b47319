struct pt {
    int x;
    char c;
};

typedef struct {
    double d[3];
} vec3;

struct incomplete;

int main(void)
{
    struct pt p = {1, 'a'};
    return p.x;
}
