/* FAKE_OOM_MARKER: the compiler runs out of memory on this one */
int big[1 << 20];
int get(int i) { return big[i]; }
