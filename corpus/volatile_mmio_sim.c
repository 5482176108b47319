/* Exercises: volatile objects simulating memory-mapped registers, pointers to
   volatile structs, polling loops with bounded retries, const volatile
   status, goto on timeout, restrict pointers for buffer transfers. */
#include <stdio.h>
#include <stdint.h>

struct regs {
    volatile uint32_t status;
    volatile uint32_t data;
    volatile uint32_t ctrl;
};

static struct regs fake_hw;
static unsigned tick;

/* pretend hardware: becomes ready every third poll */
static void hw_step(volatile struct regs *r)
{
    if (++tick % 3 == 0)
        r->status |= 1u;
}

static int wait_ready(volatile struct regs *r, int max_polls)
{
    int polls = 0;
    while (!(r->status & 1u)) {
        if (polls++ >= max_polls)
            goto timeout;
        hw_step(r);
    }
    r->status &= ~1u;
    return polls;
timeout:
    return -1;
}

static int transfer(volatile struct regs *r, const uint8_t *restrict src, uint32_t *restrict log, int n)
{
    int total_polls = 0;
    for (int i = 0; i < n; i++) {
        int p = wait_ready(r, 5);
        if (p < 0)
            return -1;
        total_polls += p;
        r->data = src[i];
        r->ctrl = r->ctrl + 1u;
        log[i] = r->data ^ r->ctrl;
    }
    return total_polls;
}

int main(void)
{
    const uint8_t payload[6] = { 'h', 'e', 'l', 'l', 'o', '!' };
    uint32_t log[6];
    int polls = transfer(&fake_hw, payload, log, 6);
    uint32_t x = 0;
    for (int i = 0; i < 6; i++)
        x = x * 131u + log[i];
    const volatile uint32_t *status = &fake_hw.status;
    int timeout = wait_ready(&fake_hw, 1);
    printf("polls=%d ctrl=%u x=%u status=%u timeout=%d\n", polls, (unsigned)fake_hw.ctrl, x,
           (unsigned)*status, timeout);
    return (polls == 18 && fake_hw.ctrl == 6u && timeout == -1) ? 0 : 1;
}
