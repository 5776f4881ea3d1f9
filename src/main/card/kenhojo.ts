/**
 * 券面事項入力補助AP (input-helper AP): the basic four items (基本4情報: name, address, birth
 * date, sex) for prefilling forms, unlocked by the 4-digit 入力補助 PIN or by 照合番号B (§7).
 * APDUs: SELECT + VERIFY(SFI) + 1 READ BINARY (the record fits one 256-byte chunk in practice).
 */
import type { CardChannel } from './card-channel.js';
import { CardError, malformed } from './card-error.js';
import { readTlv, readTlvList, requireTlv } from './ber-tlv.js';
import { AID, readTlvFileBySfi, selectApplication, verifyBySfi } from './card-commands.js';

const EF = { BASIC_FOUR: 0x02, PIN: 0x11, COLLATION_B: 0x15 } as const;

export type KenhojoCredential = { readonly kind: 'pin'; readonly pin: string } | { readonly kind: 'collation-b'; readonly value: string };

export interface BasicFour {
  /** 氏名 (family and given name separated by U+3000). */
  readonly name: string;
  /** 住所. */
  readonly address: string;
  /** 生年月日, ISO YYYY-MM-DD. */
  readonly birthDate: string;
  /** 性別, JIS X 0303 digit. */
  readonly sex: '0' | '1' | '2' | '9';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function parseBasicFour(file: Uint8Array): BasicFour {
  const outer = readTlv(file);
  if (outer.tag !== 0xff20) throw malformed(`basic-4 record tag ${outer.tag.toString(16)}`);
  const list = readTlvList(outer.value);
  const text = (tag: number) => {
    try {
      return utf8.decode(requireTlv(list, tag).value);
    } catch (e) {
      throw e instanceof CardError ? e : malformed(`tag ${tag.toString(16)} is not UTF-8`);
    }
  };
  const birth = text(0xdf24);
  const sex = text(0xdf25);
  if (!/^\d{8}$/.test(birth)) throw malformed('basic-4 birth date is not YYYYMMDD');
  if (!/^[0129]$/.test(sex)) throw malformed('basic-4 sex code invalid');
  return { name: text(0xdf22), address: text(0xdf23), birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`, sex: sex as BasicFour['sex'] };
}

export async function readBasicFour(ch: CardChannel, credential: KenhojoCredential): Promise<BasicFour> {
  const [sfi, secret, pattern] = credential.kind === 'pin' ? [EF.PIN, credential.pin, /^\d{4}$/] : [EF.COLLATION_B, credential.value, /^\d{14}$/];
  if (!pattern.test(secret)) throw new CardError(credential.kind === 'pin' ? 'PIN_FORMAT' : 'COLLATION_REJECTED');
  await selectApplication(ch, AID.KENHOJO);
  const outcome = await verifyBySfi(ch, sfi, Buffer.from(secret, 'ascii'));
  if (outcome.status !== 'verified') {
    const reason = credential.kind === 'collation-b' ? 'COLLATION_REJECTED' : outcome.status === 'available' ? 'PIN_WRONG' : outcome.status === 'blocked' ? 'PIN_BLOCKED' : 'PIN_NOT_SET';
    throw new CardError(reason, `入力補助AP ${credential.kind} ${outcome.status}`);
  }
  return parseBasicFour(await readTlvFileBySfi(ch, EF.BASIC_FOUR));
}
