/* fuzz-docx.c — libFuzzer target: reading .docx files
 *
 * Any bytes must give a source or a clear error within the part and text
 * budgets; what fuzz_check_import checks of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-docx.h"
#include "fuzz-import.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(ZbSource) source = zb_docx_import (bytes, "fuzz.docx", NULL, &error);

  return fuzz_check_import (source, error);
}
