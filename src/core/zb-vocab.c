/* zb-vocab.c — vocabularies of the inline phase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "zb-vocab-private.h"

#include <string.h>

const ZbUnit zb_units[] = {
  { "个百分点", "pp", ZB_UNIT_PP },
  { "百分点", "pp", ZB_UNIT_PP },
  { "%", "%", ZB_UNIT_PERCENT },
  { "倍", "倍", ZB_UNIT_TIMES },
  { "万亿元", "万亿元", ZB_UNIT_LEVEL },
  { "亿美元", "亿美元", ZB_UNIT_LEVEL },
  { "万美元", "万美元", ZB_UNIT_LEVEL },
  { "亿元", "亿元", ZB_UNIT_LEVEL },
  { "万元", "万元", ZB_UNIT_LEVEL },
  { "元", "元", ZB_UNIT_LEVEL },
  { "亿", "亿", ZB_UNIT_LEVEL },
  { "万人次", "万人次", ZB_UNIT_LEVEL },
  { "人次", "人次", ZB_UNIT_LEVEL },
  { "万人", "万人", ZB_UNIT_LEVEL },
  { "户次", "户次", ZB_UNIT_LEVEL },
  { "批次", "批次", ZB_UNIT_LEVEL },
  { "万吨", "万吨", ZB_UNIT_LEVEL },
  { "吨", "吨", ZB_UNIT_LEVEL },
  { "万亩", "万亩", ZB_UNIT_LEVEL },
  { "亩", "亩", ZB_UNIT_LEVEL },
  { "公顷", "公顷", ZB_UNIT_LEVEL },
  { "平方公里", "平方公里", ZB_UNIT_LEVEL },
  { "万平方米", "万平方米", ZB_UNIT_LEVEL },
  { "平方米", "平方米", ZB_UNIT_LEVEL },
  { "公里", "公里", ZB_UNIT_LEVEL },
  { "万立方米", "万立方米", ZB_UNIT_LEVEL },
  { "立方米", "立方米", ZB_UNIT_LEVEL },
  { "万头", "万头", ZB_UNIT_LEVEL },
  { "头", "头", ZB_UNIT_LEVEL },
  { "万只", "万只", ZB_UNIT_LEVEL },
  { "只", "只", ZB_UNIT_LEVEL },
  { "亿千瓦时", "亿千瓦时", ZB_UNIT_LEVEL },
  { "万千瓦时", "万千瓦时", ZB_UNIT_LEVEL },
  { "万户", "万户", ZB_UNIT_LEVEL },
  { "万辆", "万辆", ZB_UNIT_LEVEL },
  { "千公顷", "千公顷", ZB_UNIT_LEVEL },
  { "千瓦时", "千瓦时", ZB_UNIT_LEVEL },
  { "万千瓦", "万千瓦", ZB_UNIT_LEVEL },
  { "标准箱", "标准箱", ZB_UNIT_LEVEL },
  { "万箱", "万箱", ZB_UNIT_LEVEL },
  { "家", "家", ZB_UNIT_LEVEL },
  { "户", "户", ZB_UNIT_LEVEL },
  { "批", "批", ZB_UNIT_LEVEL },
  { "个", "个", ZB_UNIT_LEVEL },
  { "项", "项", ZB_UNIT_LEVEL },
  { "人", "人", ZB_UNIT_LEVEL },
  { "辆", "辆", ZB_UNIT_LEVEL },
  { "件", "件", ZB_UNIT_LEVEL },
  { "起", "起", ZB_UNIT_LEVEL },
  { "所", "所", ZB_UNIT_LEVEL },
  { "座", "座", ZB_UNIT_LEVEL },
  { "处", "处", ZB_UNIT_LEVEL },
  { "套", "套", ZB_UNIT_LEVEL },
  { "台", "台", ZB_UNIT_LEVEL },
  { "张", "张", ZB_UNIT_LEVEL },
  { "名", "名", ZB_UNIT_LEVEL },
  { "条", "条", ZB_UNIT_LEVEL },
  { "次", "次", ZB_UNIT_LEVEL },
};
const guint zb_n_units = G_N_ELEMENTS (zb_units);

const ZbWord zb_change_verbs[] = {
  { "同比增长", 1 }, { "增长", 1 }, { "增加", 1 }, { "提高", 1 }, { "上升", 1 }, { "提升", 1 },
  { "增幅", 1 }, { "增速", 1 }, { "回升", 1 }, { "加快", 1 }, { "扩大", 1 }, { "上涨", 1 },
  { "增", 1 }, { "超", 1 },
  { "下降", -1 }, { "下滑", -1 }, { "减少", -1 }, { "回落", -1 }, { "降低", -1 }, { "负增长", -1 },
  { "降幅", -1 }, { "收窄", -1 }, { "放缓", -1 }, { "下跌", -1 }, { "减", -1 }, { "降", -1 },
};
const guint zb_n_change_verbs = G_N_ELEMENTS (zb_change_verbs);

const ZbWord zb_gap_verbs[] = {
  { "高于", 1 }, { "快于", 1 }, { "超过", 1 }, { "超出", 1 }, { "高出", 1 }, { "领先", 1 },
  { "低于", -1 }, { "慢于", -1 }, { "落后", -1 }, { "差", -1 }, { "低", -1 }, { "慢", -1 },
  { "高", 1 }, { "快", 1 },
};
const guint zb_n_gap_verbs = G_N_ELEMENTS (zb_gap_verbs);

const ZbWord zb_references[] = {
  { "目标进度", 2 }, { "序时进度", 2 }, { "时序进度", 2 }, { "时间进度", 2 }, { "进度", 2 },
  { "目标增速", 1 }, { "目标", 1 }, { "预期", 1 },
  { "全国", 3 }, { "全省", 3 }, { "全市", 3 }, { "全区", 3 }, { "全州", 3 }, { "全地区", 3 },
  { "自治区", 3 }, { "平均", 3 }, { "全县", 3 }, { "全盟", 3 },
};
const guint zb_n_references = G_N_ELEMENTS (zb_references);

const ZbWord zb_target_cues[] = {
  { "目标", 1 }, { "预期", 1 }, { "计划", 1 }, { "力争", 1 }, { "确保", 1 }, { "任务", 1 },
  { "争取", 1 }, { "预计", 3 }, { "预测", 3 }, { "要", 2 }, { "必须", 1 }, { "保持在", 2 }, { "突破", 2 },
  { "保", 2 }, { "争", 2 },
};
const guint zb_n_target_cues = G_N_ELEMENTS (zb_target_cues);

const ZbWord zb_target_noncues[] = {
  { "向上争取", 0 }, { "目标任务的", 0 }, { "任务的", 0 }, { "计划的", 0 }, { "目标进度", 0 },
  { "任务进度", 0 }, { "争取资金", 0 },
};
const guint zb_n_target_noncues = G_N_ELEMENTS (zb_target_noncues);

const ZbWord zb_fillers[] = {
  { "了", 0 }, { "为", 0 }, { "达到", 0 }, { "达", 0 }, { "约", 0 }, { "近", 0 }, { "仅", 0 },
  { "均", 0 }, { "分别为", 0 }, { "分别", 0 }, { "至", 0 }, { "到", 0 }, { "将近", 0 },
  { "超过", 0 }, { "保持在", 0 }, { "在", 0 }, { "高达", 0 },
};
const guint zb_n_fillers = G_N_ELEMENTS (zb_fillers);

const ZbWord zb_done_markers[] = {
  { "已", 0 }, { "实际", 0 }, { "截至", 0 }, { "累计", 0 }, { "完成了", 0 },
};
const guint zb_n_done_markers = G_N_ELEMENTS (zb_done_markers);

const ZbWord zb_name_inner[] = {
  { "实现", 0 }, { "本年", 0 }, { "当年", 0 }, { "计划", 0 },
};
const guint zb_n_name_inner = G_N_ELEMENTS (zb_name_inner);

const ZbWord zb_rate_words[] = {
  { "增速", 1 }, { "增幅", 1 }, { "降幅", 0 }, { "占比", 0 }, { "比重", 0 }, { "增长", 0 },
};
const guint zb_n_rate_words = G_N_ELEMENTS (zb_rate_words);

const ZbWord zb_shared_tails[] = {
  { "营业收入", 0 }, { "年产值", 0 }, { "总产值", 0 }, { "增加值", 0 }, { "产值", 0 }, { "收入", 0 },
  { "投资", 0 },
};
const guint zb_n_shared_tails = G_N_ELEMENTS (zb_shared_tails);

const ZbWord zb_nonchange_verbs[] = {
  { "新增", 0 },
};
const guint zb_n_nonchange_verbs = G_N_ELEMENTS (zb_nonchange_verbs);

const ZbWord zb_qualifiers[] = {
  { "以上", 0 }, { "左右", 0 }, { "以内", 0 }, { "以下", 0 }, { "多", 0 },
};
const guint zb_n_qualifiers = G_N_ELEMENTS (zb_qualifiers);

const ZbWord zb_progress_cues[] = {
  { "目标任务的", 0 }, { "目标任务", 0 }, { "任务的", 0 }, { "计划的", 0 }, { "目标的", 0 },
  { "完结率", 0 }, { "完成率", 0 }, { "任务", 0 }, { "序时进度的", 0 },
};
const guint zb_n_progress_cues = G_N_ELEMENTS (zb_progress_cues);

const ZbWord zb_period_words[] = {
  { "前三季度", 0 }, { "第一季度", 0 }, { "第二季度", 0 }, { "第三季度", 0 }, { "第四季度", 0 },
  { "一季度", 0 }, { "二季度", 0 }, { "三季度", 0 }, { "四季度", 0 }, { "上半年", 0 }, { "下半年", 0 },
  { "全年", 0 }, { "年度", 0 }, { "今年", 0 }, { "本年", 0 }, { "年内", 0 }, { "去年", 0 },
  { "这一年", 0 }, { "截至目前", 0 }, { "首季", 0 }, { "当年", 0 }, { "上年", 0 }, { "同期", 0 },
};
const guint zb_n_period_words = G_N_ELEMENTS (zb_period_words);

const ZbWord zb_name_prefixes[] = {
  { "其中", 0 }, { "同时", 0 }, { "另外", 0 }, { "此外", 0 }, { "全区", 0 }, { "全市", 0 }, { "全县", 0 },
  { "全省", 0 }, { "全国", 0 }, { "我区", 0 }, { "我市", 0 }, { "我县", 0 }, { "全州", 0 },
  { "全地区", 0 }, { "本区", 0 }, { "本市", 0 }, { "今年", 0 }, { "去年", 0 }, { "当年", 0 }, { "全年", 0 },
  { "上半年", 0 }, { "下半年", 0 }, { "前三季度", 0 }, { "一季度", 0 }, { "二季度", 0 }, { "三季度", 0 },
  { "四季度", 0 }, { "第四季度", 0 }, { "第三季度", 0 }, { "年度", 0 }, { "累计", 0 }, { "共", 0 },
  { "和", 0 }, { "及", 0 }, { "以及", 0 }, { "而", 0 }, { "但", 0 }, { "且", 0 }, { "并", 0 },
  { "即", 0 }, { "其", 0 }, { "实现", 0 }, { "完成", 0 }, { "预计", 0 }, { "计划", 0 },
  { "力争", 0 }, { "确保", 0 }, { "争取", 0 }, { "新增", 0 }, { "仅", 0 }, { "达到", 0 }, { "是", 0 },
  { "当月", 0 }, { "本年", 0 }, { "年内", 0 }, { "这一年", 0 }, { "按可比价格计算", 0 },
  { "从", 0 }, { "在", 0 }, { "的", 0 }, { "对", 0 }, { "进行", 0 }, { "仍", 0 }, { "已", 0 },
  { "分别", 0 }, { "实际", 0 }, { "全社会", 0 }, { "整体", 0 }, { "总体", 0 }, { "共计", 0 }, { "共计划", 0 }, { "由此", 0 }, { "预测", 0 },
  { "将", 0 }, { "无法", 0 }, { "有", 0 }, { "引进", 0 }, { "培育", 0 }, { "要", 0 }, { "也就是", 0 },
  { "就是", 0 }, { "以来", 0 }, { "低于", 0 }, { "高于", 0 }, { "我们", 0 }, { "还", 0 }, { "需要", 0 }, { "需", 0 }, { "虽然", 0 },
};
const guint zb_n_name_prefixes = G_N_ELEMENTS (zb_name_prefixes);

const ZbWord zb_name_suffixes[] = {
  { "同比", 0 }, { "环比", 0 }, { "比上年", 0 }, { "较上年", 0 }, { "比去年", 0 }, { "比上年同期", 0 }, { "分别", 0 },
  { "完成", 0 }, { "实现", 0 }, { "累计", 0 }, { "达到", 0 }, { "达", 0 }, { "为", 0 }, { "共计", 0 },
  { "共", 0 }, { "约", 0 }, { "预计", 0 }, { "仅", 0 }, { "均", 0 }, { "总计", 0 }, { "合计", 0 },
  { "保持", 0 }, { "稳定在", 0 }, { "保持在", 0 }, { "是", 0 }, { "的", 0 }, { "了", 0 },
  { "已", 0 }, { "将", 0 }, { "可", 0 }, { "继续", 0 }, { "全年", 0 }, { "要", 0 }, { "必须", 0 },
  { "突破", 0 }, { "按可比价格计算", 0 }, { "纳统", 0 }, { "占", 0 }, { "仅占", 0 },
  { "预期目标", 0 }, { "目标", 0 }, { "预期", 0 }, { "计划", 0 }, { "任务", 0 }, { "实际", 0 }, { "本年", 0 }, { "当月", 0 }, { "都", 0 },
};
const guint zb_n_name_suffixes = G_N_ELEMENTS (zb_name_suffixes);

const ZbWord zb_areas[] = {
  { "全国", 0 }, { "全省", 0 }, { "全市", 0 }, { "全区", 0 }, { "自治区", 0 }, { "全州", 0 },
};
const guint zb_n_areas = G_N_ELEMENTS (zb_areas);

const ZbWord zb_indicator_heads[] = {
  { "生产总值", 0 }, { "GDP", 0 }, { "增加值", 0 }, { "总产值", 0 }, { "产值", 0 }, { "投资", 0 },
  { "零售总额", 0 }, { "零售额", 0 }, { "销售额", 0 }, { "营业收入", 0 }, { "预算收入", 0 },
  { "税收收入", 0 }, { "可支配收入", 0 }, { "进出口", 0 }, { "出口", 0 }, { "存款余额", 0 },
  { "贷款余额", 0 }, { "用电量", 0 }, { "利润", 0 }, { "产量", 0 }, { "一产", 0 }, { "二产", 0 },
  { "三产", 0 }, { "率", 0 },
};
const guint zb_n_indicator_heads = G_N_ELEMENTS (zb_indicator_heads);

const ZbAlias zb_aliases[] = {
  { "GDP", "地区生产总值" },
  { "生产总值", "地区生产总值" },
  { "地区生产总值", "地区生产总值" },
  { "经济增长", "地区生产总值" },
  { "规上工业增加值", "规模以上工业增加值" },
  { "规模工业增加值", "规模以上工业增加值" },
  { "规模以上工业增加值", "规模以上工业增加值" },
  { "社零额", "社会消费品零售总额" },
  { "社会消费品零售额", "社会消费品零售总额" },
  { "社会消费品零售总额", "社会消费品零售总额" },
  { "固投", "固定资产投资" },
  { "全社会固定资产投资", "固定资产投资" },
  { "固定资产投资", "固定资产投资" },
  { "一产增加值", "第一产业增加值" },
  { "二产增加值", "第二产业增加值" },
  { "三产增加值", "第三产业增加值" },
  { "一产", "第一产业增加值" },
  { "二产", "第二产业增加值" },
  { "三产", "第三产业增加值" },
  { "地方财政一般公共预算收入", "一般公共预算收入" },
  { "一般公共预算收入", "一般公共预算收入" },
};
const guint zb_n_aliases = G_N_ELEMENTS (zb_aliases);

/* Lookups run at every byte of a report: each table gets, on first use, an
 * index of its words by first and by last byte, longest first. */
/* Buckets keyed by two bytes: the first byte alone would put every Han
 * character of a table in one of a few buckets. */
#define N_BUCKETS 1024
#define KEY(a, b) ((((guint) (guchar) (a)) * 31u + (guint) (guchar) (b)) % N_BUCKETS)

typedef struct {
  const ZbWord *table;
  guint16      *by_first[N_BUCKETS];
  guint16      *by_last[N_BUCKETS];
  guint8        n_first[N_BUCKETS];
  guint8        n_last[N_BUCKETS];
  gsize        *lengths;
} WordIndex;

#define MAX_TABLES 32
static WordIndex indexes[MAX_TABLES];
static gint n_indexes;
static GMutex index_lock;

static int
cmp_by_length (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const gsize *lengths = user_data;
  gsize la = lengths[*(const guint16 *) a];
  gsize lb = lengths[*(const guint16 *) b];
  return la < lb ? 1 : la > lb ? -1 : 0;
}

static const WordIndex *
index_for (const ZbWord *table,
           guint         n)
{
  WordIndex *idx = NULL;

  /* a direct-mapped cache by the table's address: lookups happen at every
   * character, so finding a table's index must cost next to nothing */
  static WordIndex *slots[64];
  guint slot = (guint) (((guintptr) table >> 4) & 63);
  WordIndex *cached = g_atomic_pointer_get (&slots[slot]);

  if (cached != NULL && cached->table == table)
    return cached;
  for (gint i = 0; i < g_atomic_int_get (&n_indexes); i++)
    if (indexes[i].table == table)
      {
        g_atomic_pointer_set (&slots[slot], &indexes[i]);
        return &indexes[i];
      }

  g_mutex_lock (&index_lock);
  for (gint i = 0; i < n_indexes; i++)
    if (indexes[i].table == table)
      idx = &indexes[i];
  if (idx == NULL)
    {
      g_assert (n_indexes < MAX_TABLES);
      idx = &indexes[n_indexes];
      idx->lengths = g_new (gsize, n);
      for (guint i = 0; i < n; i++)
        {
          gsize len = strlen (table[i].word);
          guint first = KEY (table[i].word[0], len > 1 ? table[i].word[1] : 0);
          guint last = KEY (table[i].word[len - 1], len > 1 ? table[i].word[len - 2] : 0);
          idx->lengths[i] = len;
          idx->by_first[first] = g_renew (guint16, idx->by_first[first], idx->n_first[first] + 1);
          idx->by_first[first][idx->n_first[first]++] = i;
          idx->by_last[last] = g_renew (guint16, idx->by_last[last], idx->n_last[last] + 1);
          idx->by_last[last][idx->n_last[last]++] = i;
        }
      for (guint b = 0; b < N_BUCKETS; b++)
        {
          if (idx->n_first[b] > 1)
            g_qsort_with_data (idx->by_first[b], idx->n_first[b], sizeof (guint16), cmp_by_length, idx->lengths);
          if (idx->n_last[b] > 1)
            g_qsort_with_data (idx->by_last[b], idx->n_last[b], sizeof (guint16), cmp_by_length, idx->lengths);
        }
      idx->table = table;
      g_atomic_int_set (&n_indexes, n_indexes + 1);
    }
  g_mutex_unlock (&index_lock);
  return idx;
}

const ZbWord *
zb_vocab_match_at (const ZbWord *table,
                   guint         n,
                   const char   *s,
                   const char   *end)
{
  const WordIndex *idx;
  guint first;
  gsize avail;

  if (s >= end)
    return NULL;
  idx = index_for (table, n);
  avail = end - s;
  first = KEY (s[0], avail > 1 ? s[1] : 0);
  for (guint k = 0; k < idx->n_first[first]; k++)
    {
      guint16 i = idx->by_first[first][k];
      gsize len = idx->lengths[i];
      if (len <= avail && memcmp (s, table[i].word, len) == 0)
        return &table[i];
    }
  /* one-byte words (%, 亿 is three) sit under their byte and a zero */
  if (avail > 1)
    {
      guint one = KEY (s[0], 0);
      for (guint k = 0; k < idx->n_first[one]; k++)
        {
          guint16 i = idx->by_first[one][k];
          if (idx->lengths[i] == 1 && s[0] == table[i].word[0])
            return &table[i];
        }
    }
  return NULL;
}

const ZbWord *
zb_vocab_match_before (const ZbWord *table,
                       guint         n,
                       const char   *start,
                       const char   *end)
{
  const WordIndex *idx;
  guint last;
  gsize avail;

  if (end <= start)
    return NULL;
  idx = index_for (table, n);
  avail = end - start;
  last = KEY (end[-1], avail > 1 ? end[-2] : 0);
  for (guint k = 0; k < idx->n_last[last]; k++)
    {
      guint16 i = idx->by_last[last][k];
      gsize len = idx->lengths[i];
      if (len <= avail && memcmp (end - len, table[i].word, len) == 0)
        return &table[i];
    }
  if (avail > 1)
    {
      guint one = KEY (end[-1], 0);
      for (guint k = 0; k < idx->n_last[one]; k++)
        {
          guint16 i = idx->by_last[one][k];
          if (idx->lengths[i] == 1 && end[-1] == table[i].word[0])
            return &table[i];
        }
    }
  return NULL;
}

const ZbUnit *
zb_vocab_unit_at (const char *s,
                  const char *end)
{
  const ZbUnit *best = NULL;
  gsize best_len = 0;

  for (guint i = 0; i < zb_n_units; i++)
    {
      gsize len = strlen (zb_units[i].word);
      if (len > best_len && (gsize) (end - s) >= len && memcmp (s, zb_units[i].word, len) == 0)
        best = &zb_units[i], best_len = len;
    }
  return best;
}

const char *
zb_vocab_indicator_for (const char *name)
{
  if (name == NULL)
    return NULL;
  for (guint i = 0; i < zb_n_aliases; i++)
    if (g_str_equal (name, zb_aliases[i].alias))
      return zb_aliases[i].indicator;
  return NULL;
}
