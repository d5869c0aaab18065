/* zb-cli-bench.c — zhibiao-cli bench: extraction throughput and peak memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-cli.h"
#include "zb-import.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

int
zb_cli_bench (const ZbCliGlobal *global,
              int                argc,
              char             **argv)
{
  guint64 repeat = 20;
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gsize total = 0, largest = 0;
  guint figures = 0;
  gint64 t0, t1;
  struct rusage ru;
  long baseline_kb;
  double secs;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--repeat="))
        {
          if (!g_ascii_string_to_unsigned (argv[i] + 9, 10, 1, 100000, &repeat, NULL))
            return zb_cli_fail ("bench: --repeat takes a whole number");
        }
      else
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
          GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

          if (bytes == NULL)
            return zb_cli_fail ("%s: %s", argv[i], error->message);
          total += g_bytes_get_size (bytes);
          largest = MAX (largest, g_bytes_get_size (bytes));
          g_ptr_array_add (inputs, bytes);
          g_ptr_array_add (names, argv[i]);
        }
    }
  if (inputs->len == 0)
    {
      fprintf (stderr, "Usage: zhibiao-cli bench [--repeat=N] FILE…\n");
      return ZB_CLI_USAGE;
    }

  /* the process itself (libraries, the inputs) before any parsing */
  getrusage (RUSAGE_SELF, &ru);
  baseline_kb = ru.ru_maxrss;

  t0 = g_get_monotonic_time ();
  for (guint64 r = 0; r < repeat; r++)
    for (guint i = 0; i < inputs->len; i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(ZbReport) report = zb_import_report_from_bytes (g_ptr_array_index (inputs, i),
                                                               g_ptr_array_index (names, i), NULL, &error);
        if (report == NULL)
          return zb_cli_fail ("%s: %s", (char *) g_ptr_array_index (names, i), error->message);
        if (r == 0)
          figures += g_list_model_get_n_items (zb_report_get_figures (report));
      }
  t1 = g_get_monotonic_time ();

  getrusage (RUSAGE_SELF, &ru);
  secs = (t1 - t0) / 1e6;
  printf ("files\t%u\n", inputs->len);
  printf ("bytes\t%" G_GSIZE_FORMAT "\n", total);
  printf ("figures\t%u\n", figures);
  printf ("repeat\t%" G_GUINT64_FORMAT "\n", repeat);
  printf ("seconds\t%.3f\n", secs);
  printf ("throughput_mb_s\t%.1f\n", (double) total * repeat / secs / 1e6);
  printf ("peak_rss_kb\t%ld\n", ru.ru_maxrss);
  printf ("baseline_rss_kb\t%ld\n", baseline_kb);
  /* what parsing adds at its peak, against the largest input */
  printf ("parse_peak_over_largest_input\t%.1f\n",
          (ru.ru_maxrss - baseline_kb) * 1024.0 / (double) MAX (largest, 1));
  return ZB_CLI_OK;
}
