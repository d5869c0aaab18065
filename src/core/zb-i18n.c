/* zb-i18n.c — exported text in a language of its own, from the UI's catalogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gettext follows one language per process (and LANGUAGE overrides the
 * locale), but a workbook for a meeting may be asked for in Chinese from
 * an English desktop, on a worker thread. So the .mo files of po/ are
 * compiled into the library and read here: a GNU message catalog is a
 * table of original strings and one of translations, both sorted by
 * original. Nothing is ever written after loading, so lookups need no lock.
 */
#include "zb-i18n-private.h"

#include <string.h>

#include "zb-catalogs-resources.h"

#define MO_MAGIC 0x950412deU

typedef struct {
  GBytes     *bytes;
  GHashTable *strings;   /* msgid → msgstr, both inside @bytes */
} Catalog;

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swap)
{
  guint32 v;

  memcpy (&v, data + offset, sizeof v);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

/* The table of a .mo: msgid (up to its first NUL, which ends the singular
 * of a plural entry) → msgstr (its first form). A damaged catalog gives
 * an empty table: the English text is used. */
static GHashTable *
parse_mo (GBytes *bytes)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  GHashTable *strings = g_hash_table_new (g_str_hash, g_str_equal);
  guint32 magic, n, originals, translations;
  gboolean swap;

  if (len < 28)
    return strings;
  memcpy (&magic, data, sizeof magic);
  swap = magic != MO_MAGIC;
  if (swap && GUINT32_SWAP_LE_BE (magic) != MO_MAGIC)
    return strings;
  n = read_u32 (data, 8, swap);
  originals = read_u32 (data, 12, swap);
  translations = read_u32 (data, 16, swap);
  if (originals > len || translations > len || n > (len - MAX (originals, translations)) / 8)
    return strings;

  for (guint32 i = 0; i < n; i++)
    {
      guint32 id_len = read_u32 (data, originals + 8 * i, swap);
      guint32 id_at = read_u32 (data, originals + 8 * i + 4, swap);
      guint32 str_len = read_u32 (data, translations + 8 * i, swap);
      guint32 str_at = read_u32 (data, translations + 8 * i + 4, swap);

      /* each string is NUL-terminated inside the file */
      if (id_at >= len || id_len >= len - id_at || str_at >= len || str_len >= len - str_at ||
          data[id_at + id_len] != '\0' || data[str_at + str_len] != '\0' || str_len == 0)
        continue;
      g_hash_table_insert (strings, (gpointer) (data + id_at), (gpointer) (data + str_at));
    }
  return strings;
}

static gpointer
load_catalogs (gpointer data)
{
  GHashTable *catalogs = g_hash_table_new (g_str_hash, g_str_equal);
  GResource *resource = zb_catalogs_get_resource ();
  g_auto(GStrv) names = g_resource_enumerate_children (resource, "/io/github/zhibiao/Zhibiao/catalogs",
                                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat ("/io/github/zhibiao/Zhibiao/catalogs/", names[i], NULL);
      Catalog *catalog = g_new0 (Catalog, 1);
      char *language = g_strdup (names[i]);

      if (g_str_has_suffix (language, ".mo"))
        language[strlen (language) - 3] = '\0';
      catalog->bytes = g_resource_lookup_data (resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      catalog->strings = catalog->bytes ? parse_mo (catalog->bytes) : g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (catalogs, language, catalog);
    }
  return catalogs;
}

/* zh_CN for "zh_CN", and for "zh" or "zh_TW" when there is no closer one. */
static Catalog *
find_catalog (const char *language)
{
  static GOnce once = G_ONCE_INIT;
  GHashTable *catalogs = g_once (&once, load_catalogs, NULL);
  g_autofree char *prefix = g_strndup (language, strcspn (language, "_.@"));
  GHashTableIter iter;
  gpointer name, catalog;

  if ((catalog = g_hash_table_lookup (catalogs, language)) != NULL)
    return catalog;
  g_hash_table_iter_init (&iter, catalogs);
  while (g_hash_table_iter_next (&iter, &name, &catalog))
    if (g_str_has_prefix (name, prefix) && ((char *) name)[strlen (prefix)] == '_')
      return catalog;
  return NULL;
}

const char *
zb_i18n_gettext (const char *language,
                 const char *msgid)
{
  Catalog *catalog;
  const char *translated;

  g_return_val_if_fail (msgid != NULL, NULL);

  if (language == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  if ((catalog = find_catalog (language)) == NULL)
    return msgid;
  translated = g_hash_table_lookup (catalog->strings, msgid);
  return translated ? translated : msgid;
}
