/* main.c — zhibiao, the desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "zb-application.h"

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("ZHIBIAO_LOCALEDIR");
  g_autoptr(ZbApplication) app = NULL;

  /* build-aux/run points this at the build tree's translations */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Zhibiao"));
  app = zb_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
