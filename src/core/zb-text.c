/* zb-text.c — Chinese numerals, one reader for headings, periods and figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-text-private.h"

int
zb_text_cn_digit (gunichar c)
{
  static const gunichar digits[] = { 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D };

  if (c == 0x4E24) /* 两 */
    return 2;
  for (int i = 0; i < 10; i++)
    if (digits[i] == c)
      return i;
  return -1;
}

gsize
zb_text_read_cn_number (const char *s,
                        gsize       pos,
                        gsize       end,
                        double     *value,
                        gint8      *decimals)
{
  gsize p = pos;
  int tens = -1, units = -1;

  if (decimals != NULL)
    *decimals = 0;
  while (p < end)
    {
      gunichar c = g_utf8_get_char (s + p);
      int d = zb_text_cn_digit (c);

      if (c == 0x5341) /* 十 */
        {
          if (tens >= 0)
            break;   /* 十十 is no number */
          tens = units < 0 ? 1 : units;
          units = 0;
        }
      else if (d >= 0 && units <= 0)
        units = d;
      else
        break;
      p = g_utf8_next_char (s + p) - s;
    }
  if (p == pos)
    return 0;
  *value = (tens > 0 ? tens * 10 : 0) + (units > 0 ? units : 0);

  /* 六点五: decimals digit by digit */
  if (zb_text_at (s, p, end, "点"))
    {
      gsize q = p + strlen ("点");
      double scale = 0.1;
      gint8 digits = 0;

      while (q < end && digits < 12)
        {
          gunichar c = g_utf8_get_char (s + q);
          int d = zb_text_cn_digit (c);

          if (d < 0 || c == 0x4E24 /* 两 */)
            break;
          *value += d * scale;
          scale /= 10;
          digits++;
          q = g_utf8_next_char (s + q) - s;
        }
      if (digits > 0)
        {
          p = q;
          if (decimals != NULL)
            *decimals = digits;
        }
    }
  return p - pos;
}
