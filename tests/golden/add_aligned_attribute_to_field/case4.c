_Static_assert(sizeof(int) == 4, "int");
struct s { int a; };
