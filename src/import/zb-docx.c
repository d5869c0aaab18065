/* zb-docx.c — Word .docx reader
 *
 * libarchive reads the zip: it is already a build dependency of the desktop
 * stack on Debian, reads from memory, and reports encrypted and truncated
 * entries; libgsf would bring an OLE2 and GObject I/O layer we do not need.
 * libxml2 reads the XML parts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-docx.h"
#include "zb-heading-private.h"
#include "zb-types.h"

#include <archive.h>
#include <archive_entry.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
/* Budgets against documents that stand for far more than their size: a
 * part's XML is read up to MAX_PART bytes (a zip entry can claim any size)
 * and parsed into at most MAX_NODES elements, attributes, text runs and
 * entity references (the tree costs ~200 bytes a node: two million is some
 * thousands of pages); the text written out is bounded by
 * zb_source_max_text_bytes() (merged table cells repeat their text). */
#define MAX_PART  (64u << 20)
#define MAX_NODES 2000000u
#define N_LEVELS 9

typedef struct {
  char *fmt;
  char *text;
  int   start;
  char *suff;
} NumLevel;

typedef struct {
  NumLevel levels[N_LEVELS];
} AbstractNum;

typedef struct {
  AbstractNum *abstract;
  int          start_override[N_LEVELS];   /* -1: none */
  int          counters[N_LEVELS];
  gboolean     used[N_LEVELS];
} Num;

typedef struct {
  int   outline;      /* 0…8, -1: body text */
  int   num_id;       /* -1: none */
  int   ilvl;
  char *based_on;
} Style;

typedef struct {
  GHashTable *styles;      /* id → Style */
  GHashTable *abstracts;   /* abstractNumId → AbstractNum */
  GHashTable *nums;        /* numId → Num */
  GString    *out;
  GPtrArray  *locators;
  guint       n_paragraphs;
  guint       n_tables;
  gsize       budget;      /* zb_source_max_text_bytes () */
  gboolean    too_long;    /* out reached it */
} Docx;

static void
abstract_free (AbstractNum *a)
{
  for (guint i = 0; i < N_LEVELS; i++)
    {
      g_free (a->levels[i].fmt);
      g_free (a->levels[i].text);
      g_free (a->levels[i].suff);
    }
  g_free (a);
}

static void
style_free (Style *s)
{
  g_free (s->based_on);
  g_free (s);
}

static gboolean
is_w (xmlNode    *node,
      const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, W_NS) == 0 &&
         g_strcmp0 ((const char *) node->name, name) == 0;
}

static xmlNode *
child_w (xmlNode    *node,
         const char *name)
{
  for (xmlNode *c = node ? node->children : NULL; c; c = c->next)
    if (is_w (c, name))
      return c;
  return NULL;
}

/* w:val (or another w: attribute) as a newly allocated string. */
static char *
attr_w (xmlNode    *node,
        const char *name)
{
  xmlChar *v;
  char *ret;

  if (node == NULL)
    return NULL;
  v = xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) W_NS);
  if (v == NULL)
    return NULL;
  ret = g_strdup ((const char *) v);
  xmlFree (v);
  return ret;
}

static int
attr_int (xmlNode    *node,
          const char *name,
          int         fallback)
{
  g_autofree char *v = attr_w (node, name);
  char *end = NULL;
  long n;

  if (v == NULL)
    return fallback;
  n = strtol (v, &end, 10);
  return (end == v) ? fallback : (int) CLAMP (n, -1000000, 1000000);
}

/* ---- the package ------------------------------------------------------ */

typedef struct {
  GBytes *document;
  GBytes *styles;
  GBytes *numbering;
} Parts;

static gboolean
read_parts (GBytes   *bytes,
            Parts    *parts,
            GError  **error)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  gsize len;
  const void *data = g_bytes_get_data (bytes, &len);
  gboolean ok = FALSE;
  int r;

  /* the central directory, not the local headers: Word writes entries
   * with sizes only after the data, which a streaming reader cannot skip */
  archive_read_support_format_zip_seekable (a);
  if (archive_read_open_memory (a, data, len) != ARCHIVE_OK)
    {
      /* a zip's directory sits at its end: a cut-off file has none */
      if (len >= 4 && memcmp (data, "PK\003\004", 4) == 0)
        g_set_error_literal (error, ZB_ERROR, ZB_ERROR_FORMAT,
                             _("The Word document is damaged or truncated (its zip directory is missing)"));
      else if (len >= 4 && memcmp (data, "PK\005\006", 4) == 0)
        g_set_error_literal (error, ZB_ERROR, ZB_ERROR_FORMAT,
                             _("The zip file is empty, not a Word document (it has no word/document.xml)"));
      else
        g_set_error (error, ZB_ERROR, ZB_ERROR_FORMAT,
                     _("The file is not a Word document (not a zip package: %s)"),
                     archive_error_string (a));
      goto out;
    }

  while ((r = archive_read_next_header (a, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);
      GBytes **slot = NULL;
      GByteArray *buf;
      la_ssize_t n;
      char chunk[16384];

      if (g_strcmp0 (name, "word/document.xml") == 0)
        slot = &parts->document;
      else if (g_strcmp0 (name, "word/styles.xml") == 0)
        slot = &parts->styles;
      else if (g_strcmp0 (name, "word/numbering.xml") == 0)
        slot = &parts->numbering;
      else
        continue;

      /* a second entry of the same name is not Word's: the first counts
       * (and a thousand copies are not inflated a thousand times) */
      if (*slot != NULL)
        continue;

      if (archive_entry_is_encrypted (entry))
        {
          g_set_error_literal (error, ZB_ERROR, ZB_ERROR_FORMAT,
                               _("The Word document is password-protected: save it without a password first"));
          goto out;
        }

      buf = g_byte_array_new ();
      while ((n = archive_read_data (a, chunk, sizeof chunk)) > 0)
        {
          if (buf->len + (gsize) n > MAX_PART)
            {
              g_byte_array_unref (buf);
              g_set_error (error, ZB_ERROR, ZB_ERROR_FORMAT,
                           _("The Word document is too large (%s over %u MiB)"), name, MAX_PART >> 20);
              goto out;
            }
          g_byte_array_append (buf, (const guint8 *) chunk, n);
        }
      if (n < 0)
        {
          g_byte_array_unref (buf);
          g_set_error (error, ZB_ERROR, ZB_ERROR_FORMAT,
                       _("The Word document is damaged or truncated (%s: %s)"),
                       name, archive_error_string (a));
          goto out;
        }
      g_clear_pointer (slot, g_bytes_unref);
      *slot = g_byte_array_free_to_bytes (buf);
    }

  if (r != ARCHIVE_EOF && parts->document == NULL)
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_FORMAT,
                   _("The Word document is damaged or truncated: %s"), archive_error_string (a));
      goto out;
    }
  if (parts->document == NULL)
    {
      g_set_error_literal (error, ZB_ERROR, ZB_ERROR_FORMAT,
                           _("The zip file is not a Word document (it has no word/document.xml)"));
      goto out;
    }
  ok = TRUE;

out:
  archive_read_free (a);
  return ok;
}

/* The SAX handlers that build the tree, wrapped to count what they add. */
typedef struct {
  startElementNsSAX2Func start_element;
  charactersSAXFunc      characters;
  charactersSAXFunc      cdata;
  guint                  nodes;
  guint                  references;
  gsize                  text;       /* bytes of character data */
  gsize                  max_text;
  gboolean               over;
  gboolean               text_over;
  gboolean               entities;   /* the DTD declared one: stopped there */
} Budget;

static gboolean
spend (xmlParserCtxtPtr ctxt,
       guint            n)
{
  Budget *b = ctxt->_private;

  b->nodes += MIN (n, MAX_NODES);
  if (b->nodes <= MAX_NODES)
    return TRUE;
  b->over = TRUE;
  xmlStopParser (ctxt);
  return FALSE;
}

static void
budget_start_element (void           *ctx,
                      const xmlChar  *localname,
                      const xmlChar  *prefix,
                      const xmlChar  *uri,
                      int             nb_namespaces,
                      const xmlChar **namespaces,
                      int             nb_attributes,
                      int             nb_defaulted,
                      const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;

  if (spend (ctxt, 1 + MAX (nb_attributes, 0) + MAX (nb_namespaces, 0)))
    ((Budget *) ctxt->_private)->start_element (ctx, localname, prefix, uri, nb_namespaces, namespaces,
                                                nb_attributes, nb_defaulted, attributes);
}

/* The part's character data is at least the text it gives: past the text
 * budget, the document is too large before its tree is built. */
static gboolean
spend_text (xmlParserCtxtPtr ctxt,
            int              len)
{
  Budget *b = ctxt->_private;

  b->text += MAX (len, 0);
  if (b->text <= b->max_text)
    return TRUE;
  b->text_over = TRUE;
  xmlStopParser (ctxt);
  return FALSE;
}

static void
budget_characters (void          *ctx,
                   const xmlChar *ch,
                   int            len)
{
  xmlParserCtxtPtr ctxt = ctx;

  if (spend (ctxt, 1) && spend_text (ctxt, len))
    ((Budget *) ctxt->_private)->characters (ctx, ch, len);
}

static void
budget_cdata (void          *ctx,
              const xmlChar *ch,
              int            len)
{
  xmlParserCtxtPtr ctxt = ctx;

  if (spend (ctxt, 1) && spend_text (ctxt, len))
    ((Budget *) ctxt->_private)->cdata (ctx, ch, len);
}

/* Entity references are left out of the tree: no substitution (XML_PARSE_NOENT
 * is not set) and no reference nodes, whose content xmlNodeGetContent would
 * expand — a few hundred bytes of DTD and references can stand for gigabytes
 * of text. Word never writes a DTD; the predefined entities and character
 * references are plain characters to the parser and stay. */
static void
budget_reference (void          *ctx,
                  const xmlChar *name)
{
  xmlParserCtxtPtr ctxt = ctx;

  ((Budget *) ctxt->_private)->references++;
  spend (ctxt, 1);
}

/* Word never writes a DTD: the first entity it declares stops the parse,
 * before any reference (in text or in attribute values) is read. */
static void
budget_entity_decl (void          *ctx,
                    const xmlChar *name,
                    int            type,
                    const xmlChar *public_id,
                    const xmlChar *system_id,
                    xmlChar       *content)
{
  xmlParserCtxtPtr ctxt = ctx;

  ((Budget *) ctxt->_private)->entities = TRUE;
  xmlStopParser (ctxt);
}

/* Errors are kept in the context for the message, never printed:
 * XML_PARSE_NOERROR leaves some (a huge text node) to libxml2's default
 * handler, which writes to stderr. */
static void
quiet_error (void       *data,
             xmlErrorPtr error)
{
}

static xmlDoc *
parse_xml (GBytes     *bytes,
           const char *part,
           GError    **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  xmlParserCtxtPtr ctxt;
  Budget budget = { 0 };
  xmlDoc *doc;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_FORMAT, _("Cannot read %s: out of memory"), part);
      return NULL;
    }
  budget.start_element = ctxt->sax->startElementNs;
  budget.characters = ctxt->sax->characters;
  budget.cdata = ctxt->sax->cdataBlock;
  ctxt->sax->startElementNs = budget_start_element;
  ctxt->sax->characters = budget_characters;
  ctxt->sax->ignorableWhitespace = budget_characters;
  ctxt->sax->cdataBlock = budget_cdata;
  ctxt->sax->reference = budget_reference;
  ctxt->sax->entityDecl = budget_entity_decl;
  ctxt->sax->serror = quiet_error;
  ctxt->_private = &budget;
  budget.max_text = zb_source_max_text_bytes ();

  /* no network, no DTD loading, no entity substitution: the package is
   * untrusted input */
  doc = xmlCtxtReadMemory (ctxt, data, (int) MIN (len, (gsize) G_MAXINT), part, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (budget.text_over)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, ZB_ERROR, ZB_ERROR_TOO_LARGE,
                   _("The Word document is too large (%s holds more than %lu MiB of text)"),
                   part, (gulong) (budget.max_text >> 20));
    }
  else if (budget.over)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, ZB_ERROR, ZB_ERROR_TOO_LARGE,
                   _("The Word document is too large (%s has more than %u XML nodes)"), part, MAX_NODES);
    }
  else if (budget.entities || budget.references > 0 ||
           (doc != NULL && doc->intSubset != NULL && doc->intSubset->entities != NULL &&
            xmlHashSize (doc->intSubset->entities) > 0))
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, ZB_ERROR, ZB_ERROR_FORMAT,
                   _("The Word document was not read: %s declares XML entities of its own, which Word "
                   "never writes (a document can expand to gigabytes that way); save it again from Word or WPS"),
                   part);
    }
  else if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      const xmlError *e = xmlCtxtGetLastError (ctxt);
      g_autofree char *msg = g_strdup (e && e->message ? e->message : "no root element");

      g_strstrip (msg);
      g_set_error (error, ZB_ERROR, ZB_ERROR_FORMAT,
                   _("The Word document is damaged (%s is not valid XML: %s)"), part, msg);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  xmlFreeParserCtxt (ctxt);
  return doc;
}

/* ---- styles and numbering definitions -------------------------------- */

/* "heading 2", "Heading 2", "标题 2" → 1 */
static int
outline_from_style_name (const char *name)
{
  const char *p = NULL;

  if (name == NULL)
    return -1;
  if (g_ascii_strncasecmp (name, "heading", 7) == 0)
    p = name + 7;
  else if (g_str_has_prefix (name, "标题"))
    p = name + strlen ("标题");
  if (p == NULL)
    return -1;
  while (*p == ' ')
    p++;
  if (p[0] >= '1' && p[0] <= '9' && p[1] == '\0')
    return p[0] - '1';
  return -1;
}

static void
read_num_pr (xmlNode *ppr,
             int     *num_id,
             int     *ilvl)
{
  xmlNode *num_pr = child_w (ppr, "numPr");

  if (num_pr == NULL)
    return;
  *num_id = attr_int (child_w (num_pr, "numId"), "val", *num_id);
  *ilvl = attr_int (child_w (num_pr, "ilvl"), "val", 0);
}

static void
load_styles (Docx   *docx,
             xmlDoc *doc)
{
  for (xmlNode *n = xmlDocGetRootElement (doc)->children; n; n = n->next)
    {
      Style *style;
      g_autofree char *type = NULL;
      g_autofree char *name = NULL;
      char *id;
      xmlNode *ppr;

      if (!is_w (n, "style"))
        continue;
      type = attr_w (n, "type");
      id = attr_w (n, "styleId");
      if (id == NULL || g_strcmp0 (type, "paragraph") != 0)
        {
          g_free (id);
          continue;
        }
      style = g_new0 (Style, 1);
      style->num_id = -1;
      name = attr_w (child_w (n, "name"), "val");
      style->based_on = attr_w (child_w (n, "basedOn"), "val");
      ppr = child_w (n, "pPr");
      style->outline = attr_int (child_w (ppr, "outlineLvl"), "val", -2);
      if (style->outline == -2)
        style->outline = outline_from_style_name (name);
      read_num_pr (ppr, &style->num_id, &style->ilvl);
      g_hash_table_replace (docx->styles, id, style);
    }
}

/* Follows basedOn for what a style leaves unset; depth-limited against loops. */
static void
style_props (Docx       *docx,
             const char *id,
             int        *outline,
             int        *num_id,
             int        *ilvl)
{
  gboolean have_outline = FALSE, have_num = FALSE;

  for (guint depth = 0; id != NULL && depth < 16; depth++)
    {
      Style *s = g_hash_table_lookup (docx->styles, id);

      if (s == NULL)
        break;
      if (!have_outline && s->outline >= 0)
        *outline = s->outline, have_outline = TRUE;
      if (!have_num && s->num_id >= 0)
        *num_id = s->num_id, *ilvl = s->ilvl, have_num = TRUE;
      id = s->based_on;
    }
}

static void
load_numbering (Docx   *docx,
                xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *n = root->children; n; n = n->next)
    {
      AbstractNum *a;

      if (!is_w (n, "abstractNum"))
        continue;
      a = g_new0 (AbstractNum, 1);
      for (guint i = 0; i < N_LEVELS; i++)
        a->levels[i].start = 1;
      for (xmlNode *l = n->children; l; l = l->next)
        {
          int ilvl;

          if (!is_w (l, "lvl"))
            continue;
          ilvl = attr_int (l, "ilvl", -1);
          if (ilvl < 0 || ilvl >= N_LEVELS)
            continue;
          a->levels[ilvl].start = attr_int (child_w (l, "start"), "val", 1);
          a->levels[ilvl].fmt = attr_w (child_w (l, "numFmt"), "val");
          a->levels[ilvl].text = attr_w (child_w (l, "lvlText"), "val");
          a->levels[ilvl].suff = attr_w (child_w (l, "suff"), "val");
        }
      g_hash_table_replace (docx->abstracts, GINT_TO_POINTER (attr_int (n, "abstractNumId", -1)), a);
    }

  for (xmlNode *n = root->children; n; n = n->next)
    {
      Num *num;

      if (!is_w (n, "num"))
        continue;
      num = g_new0 (Num, 1);
      num->abstract = g_hash_table_lookup (docx->abstracts,
                                           GINT_TO_POINTER (attr_int (child_w (n, "abstractNumId"), "val", -1)));
      for (guint i = 0; i < N_LEVELS; i++)
        num->start_override[i] = -1;
      for (xmlNode *o = n->children; o; o = o->next)
        {
          int ilvl;

          if (!is_w (o, "lvlOverride"))
            continue;
          ilvl = attr_int (o, "ilvl", -1);
          if (ilvl >= 0 && ilvl < N_LEVELS)
            num->start_override[ilvl] = attr_int (child_w (o, "startOverride"), "val", -1);
        }
      g_hash_table_replace (docx->nums, GINT_TO_POINTER (attr_int (n, "numId", -1)), num);
    }
}

/* ---- rendering numbers ------------------------------------------------ */

static void
append_chinese (GString *s,
                int      n)
{
  static const char *digits[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  if (n <= 0 || n >= 100)
    {
      g_string_append_printf (s, "%d", n);
      return;
    }
  if (n >= 10)
    {
      if (n >= 20)
        g_string_append (s, digits[n / 10]);
      g_string_append (s, "十");
      if (n % 10)
        g_string_append (s, digits[n % 10]);
      return;
    }
  g_string_append (s, digits[n]);
}

static void
append_roman (GString *s,
              int      n,
              gboolean upper)
{
  static const struct { int v; const char *u, *l; } r[] = {
    { 1000, "M", "m" }, { 900, "CM", "cm" }, { 500, "D", "d" }, { 400, "CD", "cd" },
    { 100, "C", "c" }, { 90, "XC", "xc" }, { 50, "L", "l" }, { 40, "XL", "xl" },
    { 10, "X", "x" }, { 9, "IX", "ix" }, { 5, "V", "v" }, { 4, "IV", "iv" }, { 1, "I", "i" },
  };

  if (n <= 0 || n >= 4000)
    {
      g_string_append_printf (s, "%d", n);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (r); i++)
    while (n >= r[i].v)
      {
        g_string_append (s, upper ? r[i].u : r[i].l);
        n -= r[i].v;
      }
}

static void
append_number (GString    *s,
               int         n,
               const char *fmt)
{
  static const char *tiangan[] = { "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸" };

  if (fmt == NULL || g_str_equal (fmt, "decimal"))
    g_string_append_printf (s, "%d", n);
  else if (g_str_has_prefix (fmt, "chineseCounting") || g_str_equal (fmt, "japaneseCounting") ||
           g_str_equal (fmt, "ideographDigital") || g_str_equal (fmt, "taiwaneseCounting"))
    append_chinese (s, n);
  else if (g_str_equal (fmt, "ideographTraditional") && n >= 1 && n <= 10)
    g_string_append (s, tiangan[n - 1]);
  else if (g_str_equal (fmt, "decimalEnclosedCircle") || g_str_equal (fmt, "decimalEnclosedCircleChinese"))
    {
      if (n >= 1 && n <= 20)
        g_string_append_unichar (s, 0x2460 + n - 1);
      else
        g_string_append_printf (s, "%d", n);
    }
  else if (g_str_equal (fmt, "decimalFullWidth") || g_str_equal (fmt, "decimalFullWidth2"))
    {
      g_autofree char *d = g_strdup_printf ("%d", n);
      for (const char *p = d; *p; p++)
        g_string_append_unichar (s, 0xFF10 + (*p - '0'));
    }
  else if (g_str_equal (fmt, "decimalZero"))
    g_string_append_printf (s, "%02d", n);
  else if (g_str_equal (fmt, "upperLetter") || g_str_equal (fmt, "lowerLetter"))
    {
      char c = (char) ((g_str_equal (fmt, "upperLetter") ? 'A' : 'a') + (MAX (n, 1) - 1) % 26);
      for (int k = 0; k <= (MAX (n, 1) - 1) / 26; k++)
        g_string_append_c (s, c);
    }
  else if (g_str_equal (fmt, "upperRoman") || g_str_equal (fmt, "lowerRoman"))
    append_roman (s, n, g_str_equal (fmt, "upperRoman"));
  else
    g_string_append_printf (s, "%d", n);
}

/* Advances the list's counters and renders its label ("（一）"), or NULL
 * for bullets and lists Word does not number. */
static char *
number_label (Docx *docx,
              int   num_id,
              int   ilvl)
{
  Num *num = g_hash_table_lookup (docx->nums, GINT_TO_POINTER (num_id));
  NumLevel *level;
  GString *label;
  const char *p;

  if (num == NULL || num->abstract == NULL || ilvl < 0 || ilvl >= N_LEVELS)
    return NULL;
  level = &num->abstract->levels[ilvl];

  for (int i = 0; i <= ilvl; i++)
    if (!num->used[i])
      {
        num->used[i] = TRUE;
        num->counters[i] = (num->start_override[i] >= 0 ? num->start_override[i]
                                                        : num->abstract->levels[i].start) - (i == ilvl);
      }
  num->counters[ilvl]++;
  /* deeper levels start again under a new item */
  for (int i = ilvl + 1; i < N_LEVELS; i++)
    num->used[i] = FALSE;

  if (level->text == NULL || g_strcmp0 (level->fmt, "bullet") == 0 || g_strcmp0 (level->fmt, "none") == 0)
    return NULL;

  label = g_string_new (NULL);
  for (p = level->text; *p; p++)
    {
      if (p[0] == '%' && p[1] >= '1' && p[1] <= '9')
        {
          int k = p[1] - '1';
          append_number (label, num->counters[k], num->abstract->levels[k].fmt);
          p++;
        }
      else
        g_string_append_c (label, *p);
    }
  if (label->len == 0)
    return (g_string_free (label, TRUE), NULL);

  /* Word puts a tab (or space) after the label; Chinese labels end in
   * their own punctuation and read best without one. */
  if (g_strcmp0 (level->suff, "nothing") != 0 && (guchar) label->str[label->len - 1] < 0x80)
    g_string_append_c (label, ' ');
  return g_string_free (label, FALSE);
}

/* ---- body text -------------------------------------------------------- */

static gboolean
skipped (xmlNode *node)
{
  static const char *names[] = {
    "pPr", "rPr", "del", "moveFrom", "delText", "instrText", "drawing", "pict", "object",
    "footnoteReference", "endnoteReference", "commentReference", "tblPr", "trPr", "tcPr",
  };

  if (node->type != XML_ELEMENT_NODE)
    return TRUE;
  /* mc:AlternateContent holds drawings and text boxes, not body text */
  if (g_strcmp0 ((const char *) node->name, "AlternateContent") == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (is_w (node, names[i]))
      return TRUE;
  return FALSE;
}

static void
collect_runs (xmlNode *node,
              GString *text)
{
  for (xmlNode *c = node->children; c; c = c->next)
    {
      if (skipped (c))
        continue;
      if (is_w (c, "t"))
        {
          /* the text nodes themselves, never through entity references */
          for (xmlNode *t = c->children; t; t = t->next)
            if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) && t->content)
              g_string_append (text, (const char *) t->content);
        }
      else if (is_w (c, "tab") || is_w (c, "ptab"))
        g_string_append_c (text, '\t');
      else if (is_w (c, "br"))
        {
          g_autofree char *type = attr_w (c, "type");
          /* page and column breaks are layout, a plain break is a new line */
          if (type == NULL || g_str_equal (type, "textWrapping"))
            g_string_append_c (text, '\n');
        }
      else if (is_w (c, "cr"))
        g_string_append_c (text, '\n');
      else if (is_w (c, "noBreakHyphen"))
        g_string_append_c (text, '-');
      else if (is_w (c, "tbl"))
        continue;   /* tables are rendered by the caller */
      else
        collect_runs (c, text);
    }
}

/* Full-width folding as in ZbSource's norm, enough for heading checks. */
static char *
fold (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
      else if (c == 0x3000 || c == 0x00A0)
        c = ' ';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
emit_line (Docx       *docx,
           const char *line,
           const char *locator)
{
  if (docx->too_long || docx->out->len + strlen (line) + 1 > docx->budget)
    {
      docx->too_long = TRUE;
      return;
    }
  g_string_append (docx->out, line);
  g_string_append_c (docx->out, '\n');
  g_ptr_array_add (docx->locators, g_strdup (locator));
}

static void
emit_blank (Docx       *docx,
            const char *locator)
{
  emit_line (docx, "", locator);
}

/* The paragraph's text with its list label, or NULL when it is empty. */
static char *
paragraph_text (Docx     *docx,
                xmlNode  *p,
                gboolean  in_cell)
{
  xmlNode *ppr = child_w (p, "pPr");
  g_autofree char *style_id = attr_w (child_w (ppr, "pStyle"), "val");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *label = NULL;
  int outline = -1, num_id = -1, ilvl = 0;
  int own_outline;

  style_props (docx, style_id, &outline, &num_id, &ilvl);
  own_outline = attr_int (child_w (ppr, "outlineLvl"), "val", -1);
  if (own_outline >= 0)
    outline = own_outline;
  read_num_pr (ppr, &num_id, &ilvl);
  if (outline > 8)
    outline = -1;

  collect_runs (p, text);

  /* an empty numbered paragraph still takes its number in Word */
  if (num_id > 0)
    label = number_label (docx, num_id, ilvl);

  {
    const char *s = text->str;
    while (*s == ' ' || *s == '\t' || *s == '\n')
      s++;
    if (*s == '\0')
      return NULL;
  }

  if (label != NULL)
    g_string_prepend (text, label);
  else if (outline >= 0 && !in_cell)
    {
      g_autofree char *folded = fold (text->str);
      const char *s = folded;
      ZbHeadingMatch m;

      while (*s == ' ')
        s++;
      /* a heading without a written number: Markdown marks let the block
       * phase see it as one, at its outline level */
      if (!zb_heading_match_number (s, strlen (s), &m))
        {
          g_autofree char *hashes = g_strnfill (MIN (outline + 1, 6), '#');
          g_string_prepend_c (text, ' ');
          g_string_prepend (text, hashes);
          /* a heading is one line */
          for (gsize i = 0; i < text->len; i++)
            if (text->str[i] == '\n' || text->str[i] == '\t')
              text->str[i] = ' ';
        }
    }
  return g_strdup (text->str);
}

static void render_table (Docx *docx, xmlNode *tbl, GString *flat);

/* The text of a table cell on one line: paragraphs joined by spaces. */
static void
cell_text_append (Docx    *docx,
                  xmlNode *first,
                  GString *s)
{
  for (xmlNode *c = first; c; c = c->next)
    {
      g_autofree char *t = NULL;

      if (is_w (c, "p"))
        t = paragraph_text (docx, c, TRUE);
      else if (is_w (c, "tbl"))
        {
          GString *flat = g_string_new (NULL);
          render_table (docx, c, flat);
          t = g_string_free (flat, FALSE);
        }
      else if (is_w (c, "sdt"))
        {
          xmlNode *content = child_w (c, "sdtContent");
          if (content)
            cell_text_append (docx, content->children, s);
        }
      else if (is_w (c, "customXml"))
        cell_text_append (docx, c->children, s);
      if (t == NULL || *t == '\0')
        continue;
      if (s->len)
        g_string_append_c (s, ' ');
      g_string_append (s, t);
    }
}

static char *
cell_text (Docx    *docx,
           xmlNode *tc)
{
  GString *s = g_string_new (NULL);

  cell_text_append (docx, tc->children, s);
  for (gsize i = 0; i < s->len; i++)
    if (s->str[i] == '\t' || s->str[i] == '\n')
      s->str[i] = ' ';
  return g_strstrip (g_string_free (s, FALSE));
}

/* One row per line, TAB between cells; gridSpan leaves the spanned columns
 * empty, a vMerge continuation repeats the text of the cell it continues
 * so that each row reads on its own. With flat set (a table inside a
 * cell), rows are written there separated by spaces instead. */
static void
render_table (Docx    *docx,
              xmlNode *tbl,
              GString *flat)
{
  g_autoptr(GPtrArray) above = g_ptr_array_new_with_free_func (g_free);   /* per grid column */
  guint row_no = 0;
  guint table_no = 0;

  if (flat == NULL)
    table_no = ++docx->n_tables;

  for (xmlNode *tr = tbl->children; tr; tr = tr->next)
    {
      g_autoptr(GPtrArray) cells = NULL;
      g_autoptr(GString) line = NULL;
      xmlNode *trpr;
      guint col = 0;
      gboolean any = FALSE;
      int before;

      if (!is_w (tr, "tr"))
        continue;
      if (docx->too_long)
        return;
      row_no++;
      cells = g_ptr_array_new_with_free_func (g_free);
      trpr = child_w (tr, "trPr");
      before = CLAMP (attr_int (child_w (trpr, "gridBefore"), "val", 0), 0, 64);
      for (int k = 0; k < before; k++, col++)
        g_ptr_array_add (cells, g_strdup (""));

      for (xmlNode *tc = tr->children; tc; tc = tc->next)
        {
          xmlNode *tcpr, *vmerge;
          int span;
          char *text;

          if (!is_w (tc, "tc"))
            continue;
          tcpr = child_w (tc, "tcPr");
          span = CLAMP (attr_int (child_w (tcpr, "gridSpan"), "val", 1), 1, 64);
          vmerge = child_w (tcpr, "vMerge");
          text = cell_text (docx, tc);

          while (above->len <= col)
            g_ptr_array_add (above, NULL);
          if (vmerge != NULL)
            {
              g_autofree char *val = attr_w (vmerge, "val");
              if (val == NULL || g_str_equal (val, "continue"))
                {
                  g_free (text);
                  text = g_strdup (g_ptr_array_index (above, col) ? g_ptr_array_index (above, col) : "");
                }
              else
                {
                  g_free (g_ptr_array_index (above, col));
                  g_ptr_array_index (above, col) = g_strdup (text);
                }
            }
          else
            {
              g_free (g_ptr_array_index (above, col));
              g_ptr_array_index (above, col) = NULL;
            }
          if (*text)
            any = TRUE;
          g_ptr_array_add (cells, text);
          for (int k = 1; k < span; k++)
            g_ptr_array_add (cells, g_strdup (""));
          col += span;
        }

      if (!any)
        continue;
      g_ptr_array_add (cells, NULL);

      if (flat != NULL)
        {
          g_autofree char *joined = g_strjoinv (" ", (char **) cells->pdata);
          /* a table in a cell is one line: the budget holds there too */
          if (docx->out->len + flat->len + strlen (joined) + 1 > docx->budget)
            {
              docx->too_long = TRUE;
              return;
            }
          if (flat->len)
            g_string_append_c (flat, ' ');
          g_string_append (flat, g_strstrip (joined));
          continue;
        }

      line = g_string_new (NULL);
      /* A line starting with a TAB reads as a one-cell-per-line table to the
       * block phase; a space before an empty first cell keeps it a row. */
      if (*(char *) g_ptr_array_index (cells, 0) == '\0')
        g_string_append_c (line, ' ');
      {
        g_autofree char *joined = g_strjoinv ("\t", (char **) cells->pdata);
        g_autofree char *locator = g_strdup_printf ("table %u, row %u", table_no, row_no);
        g_string_append (line, joined);
        emit_line (docx, line->str, locator);
      }
    }

  if (flat == NULL && docx->out->len > 0 && !g_str_has_suffix (docx->out->str, "\n\n"))
    {
      g_autofree char *locator = g_strdup_printf ("table %u", table_no);
      emit_blank (docx, locator);
    }
}

static void
render_block (Docx         *docx,
              xmlNode      *parent,
              GCancellable *cancellable)
{
  for (xmlNode *n = parent->children; n; n = n->next)
    {
      if (g_cancellable_is_cancelled (cancellable) || docx->too_long)
        return;
      if (is_w (n, "p"))
        {
          g_autofree char *text = NULL;
          g_autofree char *locator = NULL;
          char **lines;

          docx->n_paragraphs++;
          text = paragraph_text (docx, n, FALSE);
          if (text == NULL)
            continue;
          locator = g_strdup_printf ("paragraph %u", docx->n_paragraphs);
          lines = g_strsplit (text, "\n", -1);
          for (char **l = lines; *l; l++)
            emit_line (docx, *l, locator);
          g_strfreev (lines);
          emit_blank (docx, locator);
        }
      else if (is_w (n, "tbl"))
        render_table (docx, n, NULL);
      else if (is_w (n, "sdt"))
        {
          xmlNode *content = child_w (n, "sdtContent");
          if (content)
            render_block (docx, content, cancellable);
        }
      else if (is_w (n, "customXml") || is_w (n, "ins") || is_w (n, "moveTo"))
        render_block (docx, n, cancellable);
    }
}

ZbSource *
zb_docx_import (GBytes        *bytes,
                const char    *path,
                GCancellable  *cancellable,
                GError       **error)
{
  Parts parts = { NULL, NULL, NULL };
  Docx docx = { 0 };
  xmlDoc *doc = NULL;
  xmlNode *body;
  ZbSource *source = NULL;

  if (!read_parts (bytes, &parts, error))
    goto out;

  docx.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) style_free);
  docx.abstracts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) abstract_free);
  docx.nums = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  docx.out = g_string_new (NULL);
  docx.budget = zb_source_max_text_bytes ();
  docx.locators = g_ptr_array_new_with_free_func (g_free);

  /* styles and numbering only add structure: a damaged one is ignored */
  if (parts.styles)
    {
      xmlDoc *s = parse_xml (parts.styles, "word/styles.xml", NULL);
      if (s)
        load_styles (&docx, s), xmlFreeDoc (s);
    }
  if (parts.numbering)
    {
      xmlDoc *s = parse_xml (parts.numbering, "word/numbering.xml", NULL);
      if (s)
        load_numbering (&docx, s), xmlFreeDoc (s);
    }

  doc = parse_xml (parts.document, "word/document.xml", error);
  if (doc == NULL)
    goto out;
  body = child_w (xmlDocGetRootElement (doc), "body");
  if (body == NULL)
    {
      g_set_error_literal (error, ZB_ERROR, ZB_ERROR_FORMAT,
                           _("The Word document is damaged (word/document.xml has no body)"));
      goto out;
    }

  render_block (&docx, body, cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;
  if (docx.too_long)
    {
      g_set_error (error, ZB_ERROR, ZB_ERROR_TOO_LARGE,
                   _("The Word document is too large (more than %lu MiB of text)"),
                   (gulong) (docx.budget >> 20));
      goto out;
    }

  if (docx.out->len == 0 || docx.locators->len == 0)
    {
      g_set_error_literal (error, ZB_ERROR, ZB_ERROR_EMPTY, _("The Word document has no text"));
      goto out;
    }

  /* the text ends in a blank line; drop it so lines and locators match */
  while (docx.out->len > 0 && docx.out->str[docx.out->len - 1] == '\n' &&
         docx.out->len > 1 && docx.out->str[docx.out->len - 2] == '\n')
    {
      g_string_truncate (docx.out, docx.out->len - 1);
      g_ptr_array_remove_index (docx.locators, docx.locators->len - 1);
    }

  source = zb_source_new_from_text (docx.out->str, docx.out->len, path, "docx");
  g_ptr_array_add (docx.locators, NULL);
  zb_source_set_locators (source, (char **) g_ptr_array_steal (docx.locators, NULL));

out:
  if (doc)
    xmlFreeDoc (doc);
  g_clear_pointer (&parts.document, g_bytes_unref);
  g_clear_pointer (&parts.styles, g_bytes_unref);
  g_clear_pointer (&parts.numbering, g_bytes_unref);
  g_clear_pointer (&docx.styles, g_hash_table_unref);
  g_clear_pointer (&docx.abstracts, g_hash_table_unref);
  g_clear_pointer (&docx.nums, g_hash_table_unref);
  if (docx.out)
    g_string_free (docx.out, TRUE);
  g_clear_pointer (&docx.locators, g_ptr_array_unref);
  return source;
}
