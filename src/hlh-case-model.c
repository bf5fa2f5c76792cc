/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hlh-case-model.h"

/* The one place the interface keeps the case. Widgets write findings here and read the
 * assessment back; nothing clinical is computed outside the core. */

struct _HlhCaseModel
{
  GObject        parent_instance;

  HlhCase        c;
  HlhAssessment  assessment;
  guint          revision;
  char          *refusals[HLH_N_FIELDS];
  guint          n_refused;
  /* The field being typed into, and its value before the typing began. */
  HlhField       editing;
  HlhValue       before_editing;
  /* The case as last opened or saved, to tell unsaved changes. */
  HlhCase        saved;
  gboolean       modified;
  HlhTeaching   *teaching;
};

enum {
  PROP_0,
  PROP_REVISION,
  PROP_N_REFUSED,
  PROP_MODIFIED,
  PROP_TEACHING,
  N_PROPS
};

enum {
  CASE_REPLACED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (HlhCaseModel, hlh_case_model, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
end_editing (HlhCaseModel *self)
{
  self->editing = HLH_N_FIELDS;
}

/**
 * hlh_case_model_end_editing:
 *
 * Ends the typing in a field (it lost the focus, its unit changed): a later refusal there
 * falls back to the value it has now.
 */
void
hlh_case_model_end_editing (HlhCaseModel *self)
{
  g_return_if_fail (HLH_IS_CASE_MODEL (self));
  end_editing (self);
}

static void
update_modified (HlhCaseModel *self)
{
  gboolean modified = !hlh_case_equal (&self->c, &self->saved);

  if (modified == self->modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
reassess (HlhCaseModel *self)
{
  hlh_assess (&self->c, &self->assessment);
  self->revision++;
  update_modified (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
}

static gboolean
value_equal (const HlhValue *a,
             const HlhValue *b)
{
  if (a->known != b->known)
    return FALSE;
  return !a->known || (a->number == b->number && a->unit == b->unit && a->choice == b->choice);
}

static void
set_refusal (HlhCaseModel *self,
             HlhField      field,
             const char   *message)
{
  guint before = self->n_refused;

  if (self->refusals[field] != NULL)
    self->n_refused--;
  g_free (self->refusals[field]);
  self->refusals[field] = g_strdup (message);
  if (message != NULL)
    self->n_refused++;
  if (before != self->n_refused)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_REFUSED]);
}

static void
clear_refusals (HlhCaseModel *self)
{
  for (guint i = 0; i < HLH_N_FIELDS; i++)
    set_refusal (self, i, NULL);
}

static void
hlh_case_model_finalize (GObject *object)
{
  HlhCaseModel *self = HLH_CASE_MODEL (object);

  for (guint i = 0; i < HLH_N_FIELDS; i++)
    g_free (self->refusals[i]);
  hlh_teaching_free (self->teaching);

  G_OBJECT_CLASS (hlh_case_model_parent_class)->finalize (object);
}

static void
hlh_case_model_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HlhCaseModel *self = HLH_CASE_MODEL (object);

  switch (prop_id)
    {
    case PROP_REVISION:
      g_value_set_uint (value, self->revision);
      break;

    case PROP_N_REFUSED:
      g_value_set_uint (value, self->n_refused);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_TEACHING:
      g_value_set_boolean (value, self->teaching != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hlh_case_model_class_init (HlhCaseModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hlh_case_model_finalize;
  object_class->get_property = hlh_case_model_get_property;

  /**
   * HlhCaseModel:revision:
   *
   * Goes up each time the case changes and has been assessed again.
   */
  properties[PROP_REVISION] =
    g_param_spec_uint ("revision", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * HlhCaseModel:n-refused:
   *
   * How many fields hold text that was refused; the case keeps their last accepted value.
   */
  properties[PROP_N_REFUSED] =
    g_param_spec_uint ("n-refused", NULL, NULL, 0, HLH_N_FIELDS, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * HlhCaseModel:modified:
   *
   * Whether the findings differ from the case as last opened, saved or cleared.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * HlhCaseModel:teaching:
   *
   * Whether the case is a teaching case (hlh_case_model_get_teaching() has its texts).
   */
  properties[PROP_TEACHING] =
    g_param_spec_boolean ("teaching", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HlhCaseModel::case-replaced:
   *
   * The whole case was replaced (new case, a case opened): the form shows it afresh.
   */
  signals[CASE_REPLACED] =
    g_signal_new ("case-replaced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hlh_case_model_init (HlhCaseModel *self)
{
  end_editing (self);
  hlh_case_init (&self->c);
  hlh_case_init (&self->saved);
  hlh_assess (&self->c, &self->assessment);
}

HlhCaseModel *
hlh_case_model_new (void)
{
  return g_object_new (HLH_TYPE_CASE_MODEL, NULL);
}

const HlhCase *
hlh_case_model_get_case (HlhCaseModel *self)
{
  g_return_val_if_fail (HLH_IS_CASE_MODEL (self), NULL);
  return &self->c;
}

const HlhAssessment *
hlh_case_model_get_assessment (HlhCaseModel *self)
{
  g_return_val_if_fail (HLH_IS_CASE_MODEL (self), NULL);
  return &self->assessment;
}

guint
hlh_case_model_get_revision (HlhCaseModel *self)
{
  g_return_val_if_fail (HLH_IS_CASE_MODEL (self), 0);
  return self->revision;
}

guint
hlh_case_model_get_n_refused (HlhCaseModel *self)
{
  g_return_val_if_fail (HLH_IS_CASE_MODEL (self), 0);
  return self->n_refused;
}

/**
 * hlh_case_model_get_refusal:
 *
 * Returns: (nullable): why the text last typed into @field was refused, or %NULL
 */
const char *
hlh_case_model_get_refusal (HlhCaseModel *self,
                            HlhField      field)
{
  g_return_val_if_fail (HLH_IS_CASE_MODEL (self), NULL);
  g_return_val_if_fail (field < HLH_N_FIELDS, NULL);
  return self->refusals[field];
}

/**
 * hlh_case_model_dup_refused_names:
 *
 * Returns: (transfer full): the names of the findings whose text is refused, in the form's
 *   order, joined by commas ("Ferritin, Platelets"); empty when none is
 */
char *
hlh_case_model_dup_refused_names (HlhCaseModel *self)
{
  GString *names;

  g_return_val_if_fail (HLH_IS_CASE_MODEL (self), NULL);

  names = g_string_new (NULL);
  for (guint field = 0; field < HLH_N_FIELDS; field++)
    if (self->refusals[field] != NULL)
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "",
                              _(hlh_field_get_info (field)->label));
  return g_string_free (names, FALSE);
}

/**
 * hlh_case_model_set_text:
 * @text: what the user typed, read by the core's human parser
 * @default_unit: the unit chosen next to the field
 *
 * Sets one finding from typed text. Typing goes through the model keystroke by keystroke, so
 * a refusal must not leave the results on a prefix the user never meant ("12,0" on the way
 * to a refused "12,000"): refused text puts the finding back to what it was before the
 * typing in this field began, and every other finding stays as it is. The refusal is kept
 * for the field until it is corrected.
 *
 * Returns: %TRUE if the text was accepted
 */
gboolean
hlh_case_model_set_text (HlhCaseModel  *self,
                         HlhField       field,
                         const char    *text,
                         HlhUnit        default_unit,
                         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  HlhCase updated;
  gboolean accepted;

  g_return_val_if_fail (HLH_IS_CASE_MODEL (self), FALSE);
  g_return_val_if_fail (field < HLH_N_FIELDS, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->editing != field)
    {
      self->editing = field;
      self->before_editing = self->c.values[field];
    }

  updated = self->c;
  accepted = hlh_case_set_from_text (&updated, field, text, default_unit, FALSE, &local_error);
  if (!accepted)
    {
      set_refusal (self, field, local_error->message);
      updated.values[field] = self->before_editing;
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  else
    set_refusal (self, field, NULL);

  if (!value_equal (&updated.values[field], &self->c.values[field]))
    {
      self->c.values[field] = updated.values[field];
      reassess (self);
    }
  return accepted;
}

void
hlh_case_model_set_choice (HlhCaseModel *self,
                           HlhField      field,
                           int           choice)
{
  int current;

  g_return_if_fail (HLH_IS_CASE_MODEL (self));
  g_return_if_fail (field < HLH_N_FIELDS);

  end_editing (self);
  if (hlh_case_get_choice (&self->c, field, &current) && current == choice)
    return;
  hlh_case_set_choice (&self->c, field, choice);
  reassess (self);
}

void
hlh_case_model_set_unknown (HlhCaseModel *self,
                            HlhField      field)
{
  g_return_if_fail (HLH_IS_CASE_MODEL (self));
  g_return_if_fail (field < HLH_N_FIELDS);

  end_editing (self);
  set_refusal (self, field, NULL);
  if (!hlh_case_is_known (&self->c, field))
    return;
  hlh_case_set_unknown (&self->c, field);
  reassess (self);
}

void
hlh_case_model_set_trigger (HlhCaseModel *self,
                            HlhTrigger    trigger,
                            gboolean      present)
{
  g_return_if_fail (HLH_IS_CASE_MODEL (self));
  g_return_if_fail (trigger < HLH_N_TRIGGERS);

  end_editing (self);
  if (hlh_case_has_trigger (&self->c, trigger) == !!present)
    return;
  hlh_case_set_trigger (&self->c, trigger, present);
  reassess (self);
}

/**
 * hlh_case_model_replace:
 *
 * Replaces the whole case (a case opened from a file, a teaching case); refusals are dropped
 * because the form shows the new case afresh.
 */
void
hlh_case_model_replace (HlhCaseModel  *self,
                        const HlhCase *c)
{
  g_return_if_fail (HLH_IS_CASE_MODEL (self));
  g_return_if_fail (c != NULL);

  self->c = *c;
  end_editing (self);
  clear_refusals (self);
  reassess (self);
  g_signal_emit (self, signals[CASE_REPLACED], 0);
}

/**
 * hlh_case_model_load:
 * @teaching: (nullable): the case is a teaching case, with these texts
 *
 * Shows a case just opened: it replaces the whole case, as hlh_case_model_replace() does, and
 * is the case without unsaved changes from now on.
 */
void
hlh_case_model_load (HlhCaseModel      *self,
                     const HlhCase     *c,
                     const HlhTeaching *teaching)
{
  gboolean was_teaching;

  g_return_if_fail (HLH_IS_CASE_MODEL (self));
  g_return_if_fail (c != NULL);

  was_teaching = self->teaching != NULL;
  g_clear_pointer (&self->teaching, hlh_teaching_free);
  self->teaching = hlh_teaching_copy (teaching);
  self->saved = *c;
  hlh_case_model_replace (self, c);
  if (was_teaching || teaching != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEACHING]);
}

/**
 * hlh_case_model_reset:
 *
 * New case: every finding unknown, no trigger, nothing refused, not a teaching case, no
 * unsaved changes.
 */
void
hlh_case_model_reset (HlhCaseModel *self)
{
  HlhCase empty;

  g_return_if_fail (HLH_IS_CASE_MODEL (self));

  hlh_case_init (&empty);
  hlh_case_model_load (self, &empty, NULL);
}

/**
 * hlh_case_model_mark_saved:
 *
 * The case as it is now was saved: no unsaved changes.
 */
void
hlh_case_model_mark_saved (HlhCaseModel *self)
{
  g_return_if_fail (HLH_IS_CASE_MODEL (self));

  self->saved = self->c;
  update_modified (self);
}

gboolean
hlh_case_model_get_modified (HlhCaseModel *self)
{
  g_return_val_if_fail (HLH_IS_CASE_MODEL (self), FALSE);
  return self->modified;
}

/**
 * hlh_case_model_get_teaching:
 *
 * Returns: (nullable): the texts of a teaching case, %NULL for a patient's case
 */
const HlhTeaching *
hlh_case_model_get_teaching (HlhCaseModel *self)
{
  g_return_val_if_fail (HLH_IS_CASE_MODEL (self), NULL);
  return self->teaching;
}
