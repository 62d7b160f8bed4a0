import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blindIndex, hashSecret, secretMatches } from './blind-index.ts';
import { decryptField, decryptFieldBytes, encryptField, encryptFieldBytes, keyVersionOf } from './field-cipher.ts';
import { ephemeralKeyring } from './keyring.ts';

const keyring = ephemeralKeyring();
const where = { table: 'customers', column: 'phone', rowId: 'cus_1' };

describe('field encryption', () => {
  it('R-SEC-2 round-trips any text and never stores it in clear', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (plaintext) => {
        const stored = encryptField(keyring, where, plaintext);
        expect(decryptField(keyring, where, stored)).toBe(plaintext);
        if (plaintext.length >= 4) expect(stored).not.toContain(plaintext);
      }),
    );
  });

  it('R-SEC-2 a value copied to another row or column fails to decrypt', () => {
    const stored = encryptField(keyring, where, '13800138000');
    expect(() => decryptField(keyring, { ...where, rowId: 'cus_2' }, stored)).toThrow();
    expect(() => decryptField(keyring, { ...where, column: 'email' }, stored)).toThrow();
    expect(() => decryptField(ephemeralKeyring(), where, stored)).toThrow();
  });

  it('R-SEC-2 ciphertexts carry their key version and differ each time', () => {
    const a = encryptField(keyring, where, 'same');
    const b = encryptField(keyring, where, 'same');
    expect(a).not.toBe(b);
    expect(keyVersionOf(a)).toBe(1);
  });

  it('R-SEC-2 round-trips any bytes in the same envelope, bound to its row like text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 4096 }), (bytes) => {
        const stored = encryptFieldBytes(keyring, where, bytes);
        expect(stored).toMatch(/^f1\.1\.[\w-]+\.[\w-]+$/);
        expect(decryptFieldBytes(keyring, where, stored).equals(Buffer.from(bytes))).toBe(true);
      }),
    );
    // Bytes that are no UTF-8 (a PDF's binary streams) come back as they went in; text would not.
    const binary = Buffer.from([0x25, 0x50, 0x44, 0x46, 0xe2, 0xe3, 0xcf, 0xd3, 0xff, 0x00, 0x80]);
    const stored = encryptFieldBytes(keyring, where, binary);
    expect(decryptFieldBytes(keyring, where, stored).equals(binary)).toBe(true);
    expect(keyVersionOf(stored)).toBe(1);
    expect(() => decryptFieldBytes(keyring, { ...where, rowId: 'cus_2' }, stored)).toThrow();
    expect(() => decryptFieldBytes(keyring, { ...where, column: 'email' }, stored)).toThrow();
    // Text and bytes are one format: a text ciphertext reads as its UTF-8 bytes, and the reverse.
    expect(decryptFieldBytes(keyring, where, encryptField(keyring, where, '张三')).toString('utf8')).toBe('张三');
    expect(decryptField(keyring, where, encryptFieldBytes(keyring, where, Buffer.from('张三', 'utf8')))).toBe('张三');
  });

  it('R-SEC-2 blind indexes are equal for equal values, separated by kind and by key', () => {
    expect(blindIndex(keyring, 'phone', '+8613800138000')).toBe(blindIndex(keyring, 'phone', '+8613800138000'));
    expect(blindIndex(keyring, 'phone', '+8613800138000')).not.toBe(blindIndex(keyring, 'id_number', '+8613800138000'));
    expect(blindIndex(ephemeralKeyring(), 'phone', '+8613800138000')).not.toBe(blindIndex(keyring, 'phone', '+8613800138000'));
  });

  it('secret hashes verify only the same secret in the same context', () => {
    const hash = hashSecret(keyring, 'sms:chl_1', '123456');
    expect(secretMatches(keyring, 'sms:chl_1', '123456', hash)).toBe(true);
    expect(secretMatches(keyring, 'sms:chl_1', '123457', hash)).toBe(false);
    expect(secretMatches(keyring, 'sms:chl_2', '123456', hash)).toBe(false);
  });
});

describe('keys from configuration', () => {
  it('R-SEC-2 a keyring given as KEYRING_JSON decrypts what the same keys encrypted, without any file', async () => {
    const { keyringFromConfig, loadKeyring } = await import('./keyring.ts');
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bt-kj-')), 'keyring.json');
    const fromFile = loadKeyring(file);
    const stored = encryptField(fromFile, where, '+8613800000000');
    const fromConfig = keyringFromConfig({ keyringFile: '/nonexistent/never-created.json', keyringJson: fs.readFileSync(file, 'utf8') });
    expect(decryptField(fromConfig, where, stored)).toBe('+8613800000000');
    expect(fs.existsSync('/nonexistent/never-created.json')).toBe(false);
    expect(() => keyringFromConfig({ keyringFile: file, keyringJson: 'not json at all' })).toThrow();
  });
});
