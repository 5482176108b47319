/*
 * test_category.c - unit tests of the catalogue's categories: the name-word
 * table decides by whole words and in order, every registered mutator gets
 * a real category, and the Markdown catalogue lists each mutator once with
 * its category and the category counts add up.
 */
#include "harness.h"

#include "catalogue.h"
#include "category.h"

#include <unistd.h>

static int known_category(const char *c)
{
    for (int i = 0; ms_categories[i]; i++)
        if (strcmp(ms_categories[i], c) == 0)
            return 1;
    return 0;
}

static void unit_should_categorise_by_whole_words_in_table_order(void)
{
    CHECK_STR(ms_category("swap_binary_operands"), "expressions");
    CHECK_STR(ms_category("for_to_while"), "control flow");
    CHECK_STR(ms_category("replace_integer_literal"), "literals");
    CHECK_STR(ms_category("remove_initializer"), "initializers");
    /* "return_type" outranks "return", "ternary" outranks "branches"/"if" */
    CHECK_STR(ms_category("change_return_type"), "functions");
    CHECK_STR(ms_category("replace_return_value"), "statements");
    CHECK_STR(ms_category("swap_ternary_branches"), "expressions");
    /* words, not substrings: "format" holds "for", "iffy" holds "if" */
    CHECK_STR(ms_category("format_iffy_thing"), "other");
    CHECK_STR(ms_category(""), "other");
    CHECK_STR(ms_category(NULL), "other");
}

static void unit_should_give_every_mutator_a_real_category(void)
{
    for (int i = 0; i < ms_registry_count; i++) {
        const char *c = ms_category(ms_registry[i]->name);
        CHECK(known_category(c));
        if (strcmp(c, "other") == 0)
            fprintf(stderr, "    %s has no category\n", ms_registry[i]->name);
        CHECK(strcmp(c, "other") != 0);
    }
}

static void unit_should_list_each_mutator_once_in_the_markdown(void)
{
    char *md = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&md, &len);
    CHECK(f && ms_catalogue_print(f, NULL) == 0);
    fclose(f);
    CHECK(strstr(md, "# Mutator catalogue") != NULL);
    for (int i = 0; i < ms_registry_count; i++) {
        char row[256];
        const char *name = ms_registry[i]->name;
        snprintf(row, sizeof row, "\n| `%s` | %s | ", name, ms_category(name));
        const char *at = strstr(md, row);
        CHECK(at != NULL);
        CHECK(at && strstr(at + 1, row) == NULL);
    }
    /* the category counts sum to the registry size */
    char total[64];
    snprintf(total, sizeof total, "| **total** | **%d** |", ms_registry_count);
    CHECK(strstr(md, total) != NULL);
    int sum = 0;
    for (int c = 0; ms_categories[c]; c++) {
        char key[64];
        snprintf(key, sizeof key, "\n| %s | ", ms_categories[c]);
        const char *at = strstr(md, key);
        if (at)
            sum += (int)strtol(at + strlen(key), NULL, 10);
    }
    CHECK(sum == ms_registry_count);
    /* no sweep given: no figures */
    CHECK(strstr(md, "| - | - | - | - |") != NULL);
    free(md);
}

static void unit_should_refuse_a_sweep_file_that_is_not_check_json(void)
{
    char path[] = "/tmp/ms_catalogue_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    CHECK(write(fd, "{\"files\": 3}", 12) == 12);
    close(fd);
    FILE *f = fopen("/dev/null", "w");
    CHECK(ms_catalogue_print(f, path) == -1);
    fclose(f);
    unlink(path);
}

int main(void)
{
    RUN(unit_should_categorise_by_whole_words_in_table_order);
    RUN(unit_should_give_every_mutator_a_real_category);
    RUN(unit_should_list_each_mutator_once_in_the_markdown);
    RUN(unit_should_refuse_a_sweep_file_that_is_not_check_json);
    FINISH();
}
