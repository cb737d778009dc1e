import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/archive/migrations';

/**
 * A migration that has shipped has already run on archives out in the schools; changing its file would make
 * a new archive differ from an old one with the same user_version. So each shipped file is pinned by the
 * SHA-256 of its text (line endings folded to \n, so a Windows checkout hashes the same).
 */
const SHIPPED: Record<string, string> = {
  '001_grundlag.ts': 'e5c52b1cfea15876d7f0da0dac090c462956b21365e0958b1eb8f0f68b47f630',
  '002_forberedelse.ts': '74257f8d7b2ba0beea40fa98ddb50bca5e7b121504859c2ce587929da3325000',
  '003_moedet.ts': '23850357915fd7d9513a475f00ef103ed3fbda6e6067793172a41d1f6656bfe6',
  '004_referat.ts': '08b8b84b9376390c267d72b802d7a80f742c884573cfb8be20030f0a729502c6',
  '005_soegning.ts': '37dabc75368f9de2ed1d26f5c8472cff883c7924cd3091eccf9e07c68e3df233',
  '006_handlinger.ts': '0af462b98f3d24c0b804cf406488026a8fe962a2cb51213e86037661c258059d',
  '007_sager.ts': 'b31d994571db4fe5c1b225311619dd105e83ec7379f482f84d3462f7db3c82ca',
  '008_lyttemoeder.ts': '9fd9c77ebdb0109e2079d89235747bbf9da8e6c9e3d4d6f78d431a1f236339c0',
  '009_fortrolighed.ts': 'c12eb3dc7f1c953b0619fb262d3363cd08c055aabc01ee07aafb3b8a1de6db5e',
  '010_soegning_praefiks.ts': 'b5670019444d9bf914b1271213dc389180026b1476264e4d0db06dc506573c78',
  '011_listesider.ts': 'eb7d3a1d0243006e365ace13ade7e9c9f31dfa9e425de5684c3123affef479dc',
  '012_listeorden.ts': '084bd995298baf079f2d72d141a3090a1a9bfee3e8a29d71832c2d4b26dbdc90',
  '013_punktets_udmelding.ts': '1fa6fd2d2d0b8bb21a462ebd52534ee2110eee7021086a274b0a8be41bc85131',
  '014_opfoelgning_historik.ts': 'f4288932e62a6a3d97e2656f5d50cc9e3cb0698e97ce5b527d05aa6d45e48464',
  '015_udkast_og_dissens.ts': '95fd320c0f9b28cb81761ff5e5a8d024f9afe95f050267f98dcc27ff3ae7de4d',
  '016_opfoelgning_efter_tid.ts': '0f8e72f44dc027005d1cc95a946e43158975a79de69de4c5bfcd6380519ce811',
  '017_delte_forummer.ts': 'dc96f0bea10a63f9af3186bf01967b132242ce966c7d868e8d761791608df9cc',
  '018_delt_forums_ret.ts': 'ec0503ab758ce16026b26e318de97657e519c6ee1e65c37778ee9b6b86b12187',
  '019_adgang_mistet.ts': '33e485a60303203f17b3e70c07895623602abab0d9fd4b693c996d58ded2eaa8',
  '020_forummets_person.ts': 'cd78496a2eae20b065d5fe0d89cbbbedd8f2c52eb1c3108320e7d467d0381ad4',
  '021_samtykke_pr_person.ts': '4b3d6d63c48b467238692d75c01d71cf2b3e464f860630d7b05109b9d2da84e5',
  '022_kommentarer.ts': '61a84abb1d8737c2b8be535862357c7c118a59f1725b6103ccccc1793c29e15d',
  '023_indbakke.ts': '9e4c7310e45546a040f78bc6bae13fc5ff7d625755dd4c371354e12df6fabba7',
  '024_moeder_efter_status.ts': '6fb44c2c8e9ce9079f156183280f74dc397ccc96ff43f69eef3c81ac72e04e18',
  '025_lyttemoeder_i_forum.ts': 'b2bb2ea7f22009738f04ce12898360260f6c7f5652c5e93250b15d853a82ef12',
  '026_sidst_kendte_medlemmer.ts': 'c96cbfde72e254130bf276ebc880f8cc8bbf32413048dfe5b994365400cd101b',
  '027_lokal_kopi_venter.ts': 'cbcfdc3a4bf73f5cd780f54fe686caba4abc2008c1e898b760345e311fb96499',
};

const DIR = join(__dirname, '../../electron/archive/migrations');
const MIGRATION_FILE = /^(\d{3})_[a-z0-9_]+\.ts$/;

function migrationFiles(): string[] {
  return readdirSync(DIR)
    .filter((name) => MIGRATION_FILE.test(name))
    .sort();
}

function sha256(name: string): string {
  return createHash('sha256').update(readFileSync(join(DIR, name), 'utf8').replace(/\r\n/g, '\n')).digest('hex');
}

describe('migreringer er frosne, når de er leveret', () => {
  it('hver leveret migrering har samme indhold som da den blev leveret', () => {
    for (const [name, hash] of Object.entries(SHIPPED)) {
      expect(
        sha256(name),
        `${name} er ændret, men den er leveret og har kørt på arkiverne derude. Læg ændringen i en ny migrering i stedet.`,
      ).toBe(hash);
    }
  });

  it('hver migreringsfil har sit indhold fastholdt her', () => {
    const unpinned = migrationFiles().filter((name) => !(name in SHIPPED));
    const newFiles = unpinned.map((name) => `  '${name}': '${sha256(name)}',`).join('\n');
    expect(
      unpinned,
      `Nye migreringsfiler uden fastholdt indhold. Tilføj dem til SHIPPED i tests/unit/migrations-frozen.test.ts ` +
        `(retter du en, før den er leveret, så ret også dens hash her):\n${newFiles}`,
    ).toEqual([]);
  });

  it('numrene følger hinanden, og alle filer er med i listen over migreringer', () => {
    const numbers = migrationFiles().map((name) => Number(MIGRATION_FILE.exec(name)?.[1]));
    expect(numbers, 'Migreringerne skal nummereres 001, 002, … uden huller.').toEqual(numbers.map((_, index) => index + 1));
    expect(MIGRATIONS.map((m) => m.version), 'Hver migreringsfil skal stå i MIGRATIONS i electron/archive/migrations/index.ts.').toEqual(numbers);
  });

  it('en migrering importerer ikke fra en anden: dens SQL er den, der blev leveret', () => {
    for (const name of migrationFiles()) {
      const imports = [...readFileSync(join(DIR, name), 'utf8').matchAll(/from '\.\/(\d{3}_[^']+)'/g)].map((m) => m[1]);
      expect(imports, `${name} importerer fra en anden migrering; kopiér det, den bruger, ind i filen.`).toEqual([]);
    }
  });
});
