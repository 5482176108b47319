/*
 * channel.c - map the region the plugin and its worker share (see
 * channel.h). Anonymous shared memory, created once by the plugin before the
 * first fork, so it survives worker restarts; pages are committed lazily.
 */
#include "channel.h"

#include <string.h>
#include <sys/mman.h>

int ch_map(ch_shared *sh)
{
    size_t hdr = (sizeof(ch_header) + 4095) & ~(size_t)4095;
    size_t size = hdr + CH_INPUT_MAX + CH_OUTPUT_MAX;
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return -1;
    sh->base = p;
    sh->size = size;
    sh->hdr = p;
    sh->input = (unsigned char *)p + hdr;
    sh->output = sh->input + CH_INPUT_MAX;
    memset(sh->hdr, 0, sizeof *sh->hdr);
    sh->hdr->cur_mutator = CH_IDLE;
    return 0;
}

void ch_unmap(ch_shared *sh)
{
    if (sh->base)
        munmap(sh->base, sh->size);
    memset(sh, 0, sizeof *sh);
}
