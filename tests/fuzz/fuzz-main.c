/* fuzz-main.c — runs a fuzz target over files without libFuzzer
 *
 * Linked into each target when the build is not a fuzzing build, so the
 * seed corpus and every crash reproducer replay in the ordinary test suite
 * (and under the sanitizer build).
 *
 * Usage: fuzz-TARGET FILE_OR_DIR…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static int
run_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, len);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  guint n = 0;

  if (argc < 2)
    {
      fprintf (stderr, "Usage: %s FILE_OR_DIR…\n", argv[0]);
      return 2;
    }
  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GDir) dir = g_dir_open (argv[i], 0, &error);
          g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
          const char *name;

          if (dir == NULL)
            {
              fprintf (stderr, "%s\n", error->message);
              return 1;
            }
          while ((name = g_dir_read_name (dir)) != NULL)
            g_ptr_array_add (names, g_build_filename (argv[i], name, NULL));
          /* the same order every run */
          g_ptr_array_sort (names, compare_paths);
          for (guint j = 0; j < names->len; j++, n++)
            if (run_file (g_ptr_array_index (names, j)) != 0)
              return 1;
        }
      else
        {
          if (run_file (argv[i]) != 0)
            return 1;
          n++;
        }
    }
  printf ("%u inputs ran\n", n);
  return 0;
}
