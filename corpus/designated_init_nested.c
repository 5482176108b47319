/* Exercises: nested designated initializers (.a.b, [i].m, .arr[2]), structs
   containing arrays of structs, brace elision, member access chains. */
#include <stdio.h>

struct vec3 { float x, y, z; };
struct joint { const char *name; struct vec3 pos; int parent; };
struct skeleton {
    int count;
    struct joint joints[4];
    struct { unsigned char major, minor; } version;
};

static const struct skeleton rig = {
    .count = 4,
    .version.major = 2,
    .version.minor = 1,
    .joints = {
        [0] = { .name = "root", .parent = -1 },
        [1] = { "spine", { 0.0f, 1.5f, 0.0f }, 0 },
        [2].name = "head", [2].pos.y = 2.25f, [2].parent = 1,
        [3] = { .name = "arm", .pos = { .x = 0.75f, .y = 1.5f }, .parent = 1 },
    },
};

static float depth_height(const struct skeleton *s, int j)
{
    float h = 0.0f;
    while (j >= 0) {
        h += s->joints[j].pos.y;
        j = s->joints[j].parent;
    }
    return h;
}

int main(void)
{
    float best = 0.0f;
    int best_j = 0;
    for (int j = 0; j < rig.count; j++) {
        float h = depth_height(&rig, j);
        if (h > best) {
            best = h;
            best_j = j;
        }
    }
    printf("v%u.%u highest=%s %.2f\n", rig.version.major, rig.version.minor,
           rig.joints[best_j].name, (double)best);
    return best_j == 2 ? 0 : 1;
}
