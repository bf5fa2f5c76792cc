/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hlh-print-preview.h"
#include "hlh-accessible.h"

/* The print dialog's Preview, shown by the application itself: the pages as they will print
 * (the paper, margins and pages chosen in the dialog), drawn by the print operation's own
 * draw-page into images.
 *
 * GTK's default preview writes the report to a PDF in the temporary folder and starts an
 * outside viewer (Evince). Where there is none, as on a locked-down ward machine, nothing was
 * shown and the patient's report stayed in /tmp. Here nothing is written to disk. */

/* Pixels per point of the page images, at a scale factor of 1: sharp at the window's width. */
#define RENDER_SCALE 1.5

struct _HlhPrintPreview
{
  GtkWindow                 parent_instance;

  GtkLabel                 *subtitle_label;
  GtkBox                   *pages_box;
  GtkButton                *print_button;

  GtkPrintOperation        *operation;
  GtkPrintContext          *context;
  cairo_surface_t          *idle_surface;  /* the context's surface between pages */
  guint                     n_pages;
  gboolean                  ended;
};

enum {
  PROP_0,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (HlhPrintPreview, hlh_print_preview, GTK_TYPE_WINDOW)

/* The context must always have a cairo context: this one, at 72 dpi, lays the pages out in
 * points, as the PDF export does. */
static void
set_idle_cairo_context (HlhPrintPreview *self)
{
  cairo_t *cr = cairo_create (self->idle_surface);

  gtk_print_context_set_cairo_context (self->context, cr, 72, 72);
  cairo_destroy (cr);
}

/* Page @page, drawn by the operation onto a white sheet of the paper's size. */
static GdkTexture *
render_page (HlhPrintPreview *self,
             int              page)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (self->context);
  double scale = RENDER_SCALE * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int width = ceil (gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS) * scale);
  int height = ceil (gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS) * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gtk_print_context_set_cairo_context (self->context, cr, 72 * scale, 72 * scale);
  gtk_print_operation_preview_render_page (GTK_PRINT_OPERATION_PREVIEW (self->operation), page);
  set_idle_cairo_context (self);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * height);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  return texture;
}

/* @number counts from 1 among the report's @n_pages pages, as the printed footer does, also
 * when the dialog chose some of them. */
static void
add_page (HlhPrintPreview *self,
          GdkTexture      *texture,
          guint            number,
          guint            n_pages)
{
  GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), number, n_pages);

  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_picture_set_alternative_text (GTK_PICTURE (picture), text);
  gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (picture, "hlh-preview-page");
  gtk_box_append (self->pages_box, picture);
}

/* The operation has laid the report out: each page chosen in the dialog is drawn. */
static void
ready_cb (GtkPrintOperationPreview *preview,
          GtkPrintContext          *context,
          HlhPrintPreview          *self)
{
  g_autofree char *subtitle = NULL;
  int n_pages = 0;

  g_object_get (self->operation, "n-pages", &n_pages, NULL);
  self->n_pages = 0;
  for (int page = 0; page < n_pages; page++)
    if (gtk_print_operation_preview_is_selected (preview, page))
      {
        g_autoptr(GdkTexture) texture = render_page (self, page);

        add_page (self, texture, page + 1, n_pages);
        self->n_pages++;
      }

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages",
                                           self->n_pages), self->n_pages);
  gtk_label_set_label (self->subtitle_label, subtitle);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

/* Ends the operation's preview, once: the operation then reports that it is done. */
static void
end_preview (HlhPrintPreview *self)
{
  if (self->ended || self->operation == NULL)
    return;
  self->ended = TRUE;
  gtk_print_operation_preview_end_preview (GTK_PRINT_OPERATION_PREVIEW (self->operation));
}

/* Print: the preview closes and the print dialog opens again, with what was chosen in it. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HlhPrintPreview *self = HLH_PRINT_PREVIEW (widget);
  GtkWindow *transient_for = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GtkWindow) parent = transient_for != NULL ? g_object_ref (transient_for) : NULL;

  end_preview (self);
  gtk_window_destroy (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.print", NULL);
}

static gboolean
hlh_print_preview_close_request (GtkWindow *window)
{
  end_preview (HLH_PRINT_PREVIEW (window));
  return GTK_WINDOW_CLASS (hlh_print_preview_parent_class)->close_request (window);
}

static void
hlh_print_preview_dispose (GObject *object)
{
  HlhPrintPreview *self = HLH_PRINT_PREVIEW (object);

  end_preview (self);
  if (self->operation != NULL)
    g_signal_handlers_disconnect_by_data (self->operation, self);
  g_clear_object (&self->operation);
  g_clear_object (&self->context);
  g_clear_pointer (&self->idle_surface, cairo_surface_destroy);
  gtk_widget_dispose_template (GTK_WIDGET (self), HLH_TYPE_PRINT_PREVIEW);
  G_OBJECT_CLASS (hlh_print_preview_parent_class)->dispose (object);
}

static void
hlh_print_preview_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HlhPrintPreview *self = HLH_PRINT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hlh_print_preview_class_init (HlhPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hlh_print_preview_dispose;
  object_class->get_property = hlh_print_preview_get_property;
  window_class->close_request = hlh_print_preview_close_request;

  /* The pages shown, once the report is laid out; 0 before. */
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/hlhcalc/HLHCalculator/ui/hlh-print-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, HlhPrintPreview, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, HlhPrintPreview, pages_box);
  gtk_widget_class_bind_template_child (widget_class, HlhPrintPreview, print_button);

  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
hlh_print_preview_init (HlhPrintPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  hlh_accessible_name_by_content (self->print_button);
  self->idle_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
}

/**
 * hlh_print_preview_new:
 * @operation: the print operation whose preview was asked for
 * @context: its print context
 * @parent: (nullable): the window that printed
 *
 * Takes over @operation's preview (return %TRUE from its GtkPrintOperation::preview after
 * this). The pages are shown once the operation has laid them out; closing the window ends the
 * preview.
 */
HlhPrintPreview *
hlh_print_preview_new (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       GtkWindow         *parent)
{
  HlhPrintPreview *self;

  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (operation), NULL);
  g_return_val_if_fail (GTK_IS_PRINT_CONTEXT (context), NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (HLH_TYPE_PRINT_PREVIEW, "transient-for", parent, NULL);
  self->operation = g_object_ref (operation);
  self->context = g_object_ref (context);
  set_idle_cairo_context (self);
  g_signal_connect (operation, "ready", G_CALLBACK (ready_cb), self);
  if (parent != NULL)
    {
      int height = gtk_widget_get_height (GTK_WIDGET (parent));

      /* As tall as the window that printed, on a small screen. */
      if (height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), 760, MIN (height, 900));
    }
  return self;
}

/**
 * hlh_print_preview_get_n_pages:
 *
 * Returns: the pages shown; 0 until the report is laid out
 */
guint
hlh_print_preview_get_n_pages (HlhPrintPreview *self)
{
  g_return_val_if_fail (HLH_IS_PRINT_PREVIEW (self), 0);

  return self->n_pages;
}
