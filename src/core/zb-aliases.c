/* zb-aliases.c — indicator names that mean the same thing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each alias maps to the canonical name used as the ledger key. Users extend
 * this at run time with zb_ledger_add_alias()/zb_ledger_load_aliases().
 */
#include "zb-aliases-private.h"

const ZbAlias zb_default_aliases[] = {
  { "GDP", "地区生产总值" },
  { "gdp", "地区生产总值" },
  { "生产总值", "地区生产总值" },
  { "国内生产总值", "地区生产总值" },
  { "经济总量", "地区生产总值" },
  { "规上工业增加值", "规模以上工业增加值" },
  { "规模工业增加值", "规模以上工业增加值" },
  { "规模以上工业企业增加值", "规模以上工业增加值" },
  { "社零额", "社会消费品零售总额" },
  { "社零", "社会消费品零售总额" },
  { "社会消费品零售额", "社会消费品零售总额" },
  { "消费品零售总额", "社会消费品零售总额" },
  { "固投", "固定资产投资" },
  { "全社会固定资产投资", "固定资产投资" },
  { "固定资产投资总额", "固定资产投资" },
  { "一般公共预算收入", "地方一般公共预算收入" },
  { "公共财政预算收入", "地方一般公共预算收入" },
  { "地方财政一般预算收入", "地方一般公共预算收入" },
  { "一般预算收入", "地方一般公共预算收入" },
  { "外贸进出口总额", "进出口总额" },
  { "外贸进出口", "进出口总额" },
  { "货物进出口总额", "进出口总额" },
  { "实际利用外资", "实际使用外资" },
  { "城镇居民人均可支配收入", "城镇常住居民人均可支配收入" },
  { "农村居民人均可支配收入", "农村常住居民人均可支配收入" },
  { "居民消费价格", "居民消费价格指数" },
  { "CPI", "居民消费价格指数" },
  { "城镇新增就业", "城镇新增就业人数" },
};

const guint zb_n_default_aliases = G_N_ELEMENTS (zb_default_aliases);
