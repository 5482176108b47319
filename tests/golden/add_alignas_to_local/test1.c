/* Exercises: _Alignof and _Alignas on objects and struct members, alignment
   checks via uintptr_t casts, a bump allocator over an aligned static
   buffer, volatile statistics counters, sizeof of arrays of structs. */
#include <stdio.h>
#include <stdint.h>
#include <stddef.h>

struct header { uint16_t kind; uint16_t size; };
struct wide { char tag; _Alignas(16) unsigned char payload[24]; };

static _Alignas(16) unsigned char arena[512];
static size_t arena_used;
static volatile unsigned alloc_calls, alloc_failures;

static void *bump(size_t size, size_t align)
{
    alloc_calls++;
    size_t off = (arena_used + align - 1) / align * align;
    if (off + size > sizeof arena) {
        alloc_failures++;
        return NULL;
    }
    arena_used = off + size;
    return arena + off;
}

static int aligned(const void *p, size_t a)
{
    return ((uintptr_t)p & (uintptr_t)(a - 1)) == 0;
}

int main(void)
{
    _Static_assert(_Alignof(struct wide) >= 16, "_Alignas raises struct alignment");
    int ok = 1;
    double *d = bump(sizeof(double) * 3, _Alignof(double));
    struct header *h = bump(sizeof *h, _Alignof(struct header));
    long long *ll = bump(sizeof *ll * 4, _Alignof(long long));
    struct wide *w = bump(sizeof *w, _Alignof(struct wide));
    ok &= d && aligned(d, _Alignof(double));
    ok &= h && aligned(h, _Alignof(struct header));
    ok &= ll && aligned(ll, _Alignof(long long));
    ok &= w && aligned(w, 16) && aligned(w->payload, 16);
    if (ok) {
        d[0] = 1.5; d[1] = 2.5; d[2] = d[0] * d[1];
        h->kind = 7; h->size = (uint16_t)sizeof *h;
        for (int i = 0; i < 4; i++)
            ll[i] = (long long)i << 33;
        w->tag = 'w';
        w->payload[23] = 0xAA;
    }
    void *big = bump(1000, 8);
    size_t offs = offsetof(struct wide, payload);
    printf("ok=%d used=%zu calls=%u fails=%u big=%d offs=%zu sz=%zu d2=%.2f ll3=%lld\n", ok,
           arena_used, (unsigned)alloc_calls, (unsigned)alloc_failures, big != NULL, offs,
           sizeof(struct wide[2]), ok ? d[2] : 0.0, ok ? ll[3] : 0LL);
    return (ok && !big && alloc_failures == 1 && offs == 16) ? 0 : 1;
}
