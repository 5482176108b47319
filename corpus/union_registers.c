/* Exercises: a union overlaying a 16-bit register value with a struct of
   bitfields, anonymous struct/union members (C11), union of arrays of
   different element widths, register read-modify-write with masks. */
#include <stdio.h>
#include <stdint.h>

typedef union {
    uint16_t raw;
    struct {
        uint16_t enable : 1;
        uint16_t mode : 3;
        uint16_t prescale : 4;
        uint16_t irq : 1;
        uint16_t : 3;
        uint16_t channel : 4;
    } bits;
} ctrl_reg;

struct device {
    const char *name;
    union {                         /* anonymous union */
        uint32_t word;
        uint8_t bytes[4];
    };
    struct {                        /* anonymous struct */
        unsigned short id;
        unsigned short rev;
    };
};

static ctrl_reg configure(unsigned mode, unsigned prescale, unsigned channel)
{
    ctrl_reg r = { .raw = 0 };
    r.bits.enable = 1;
    r.bits.mode = mode & 7u;
    r.bits.prescale = prescale & 15u;
    r.bits.channel = channel & 15u;
    return r;
}

int main(void)
{
    ctrl_reg r = configure(5, 9, 12);
    r.bits.irq = 1;
    unsigned before = r.raw;
    r.raw &= (uint16_t)~0x00F0u;          /* clear prescale through the raw view */
    unsigned pres = r.bits.prescale;
    struct device dev = { .name = "uart0", .word = 0, .id = 0x1234, .rev = 7 };
    for (int i = 0; i < 4; i++)
        dev.bytes[i] = (uint8_t)(0x10 * (i + 1));
    unsigned byte_sum = 0;
    for (int i = 0; i < 4; i++)
        byte_sum += (dev.word >> (8 * i)) & 0xFFu;
    printf("before=%#x after=%#x pres=%u mode=%u ch=%u dev=%s id=%#x rev=%u bs=%u\n", before,
           (unsigned)r.raw, pres, (unsigned)r.bits.mode, (unsigned)r.bits.channel, dev.name,
           (unsigned)dev.id, (unsigned)dev.rev, byte_sum);
    return (pres == 0 && r.bits.mode == 5 && byte_sum == 0xA0) ? 0 : 1;
}
