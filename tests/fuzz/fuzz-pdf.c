/* fuzz-pdf.c — libFuzzer target: reading PDF files
 *
 * Any bytes must give a source or a clear error within the page and text
 * budgets; what fuzz_check_import checks of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-pdf.h"
#include "fuzz-import.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbSource) source = zb_pdf_import (bytes, "fuzz.pdf", NULL, &error);

  return fuzz_check_import (source, error);
}
