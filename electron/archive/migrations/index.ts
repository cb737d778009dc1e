import { migration001 } from './001_grundlag';
import { migration002 } from './002_forberedelse';
import { migration003 } from './003_moedet';
import { migration004 } from './004_referat';
import { migration005 } from './005_soegning';
import { migration006 } from './006_handlinger';
import { migration007 } from './007_sager';
import { migration008 } from './008_lyttemoeder';
import { migration009 } from './009_fortrolighed';
import { migration010 } from './010_soegning_praefiks';
import { migration011 } from './011_listesider';
import { migration012 } from './012_listeorden';
import { migration013 } from './013_punktets_udmelding';
import { migration014 } from './014_opfoelgning_historik';
import { migration015 } from './015_udkast_og_dissens';
import { migration016 } from './016_opfoelgning_efter_tid';
import { migration017 } from './017_delte_forummer';
import { migration018 } from './018_delt_forums_ret';
import { migration019 } from './019_adgang_mistet';
import { migration020 } from './020_forummets_person';
import { migration021 } from './021_samtykke_pr_person';
import { migration022 } from './022_kommentarer';
import { migration023 } from './023_indbakke';
import { migration024 } from './024_moeder_efter_status';
import { migration025 } from './025_lyttemoeder_i_forum';
import { migration026 } from './026_sidst_kendte_medlemmer';
import { migration027 } from './027_lokal_kopi_venter';
import type { Migration } from './types';

/** All migrations in order; the newest version is the schema version this build of the app writes. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
  migration018,
  migration019,
  migration020,
  migration021,
  migration022,
  migration023,
  migration024,
  migration025,
  migration026,
  migration027,
];

/** The newest migration's number (equal to their count, once every number is taken). */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
