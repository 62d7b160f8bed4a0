import { describe, expect, it } from 'vitest';
import { signTc3, tc3Date } from './tencent-tc3-signature.ts';

/**
 * The worked example of Tencent Cloud's "签名方法 v3" / "Signature v3" page (CVM DescribeInstances in
 * ap-guangzhou at X-TC-Timestamp 1551113065; cloud.tencent.com/document/api/213/30654 and the copy
 * in every product's API documentation). The page has been revised: its keys were masked with
 * asterisks and x-tc-action was added to the signed headers. The published signatures were computed
 * from the masked strings literally, so each revision is reproduced byte for byte.
 */
const payload = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
const contentType = 'application/json; charset=utf-8';
const host = 'cvm.tencentcloudapi.com';

describe('Tencent Cloud TC3-HMAC-SHA256 signature', () => {
  // Revision quoted in the brief (签名方法 v3, SecretId AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******).
  it('reproduces the 签名方法 v3 example with x-tc-action signed', () => {
    const signed = signTc3({
      secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******',
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3*******',
      service: 'cvm',
      timestamp: 1551113065,
      payload,
      signedHeaders: { 'Content-Type': contentType, Host: host, 'X-TC-Action': 'DescribeInstances' },
    });
    expect(signed.canonicalRequest).toBe(
      [
        'POST',
        '/',
        '',
        'content-type:application/json; charset=utf-8',
        'host:cvm.tencentcloudapi.com',
        'x-tc-action:describeinstances',
        '',
        'content-type;host;x-tc-action',
        '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
      ].join('\n'),
    );
    expect(signed.stringToSign).toBe(
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84',
    );
    expect(signed.signature).toBe('be4f67d323c78ab9acb7395e43c0dbcf822a9cfac32fea2449a7bc7726b770a3');
    expect(signed.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, ' +
        'SignedHeaders=content-type;host;x-tc-action, Signature=be4f67d323c78ab9acb7395e43c0dbcf822a9cfac32fea2449a7bc7726b770a3',
    );
  });

  // Latest revision: SecretId AKID + 32 asterisks, SecretKey 32 asterisks.
  it('reproduces the fully masked revision of the example', () => {
    const signed = signTc3({
      secretId: `AKID${'*'.repeat(32)}`,
      secretKey: '*'.repeat(32),
      service: 'cvm',
      timestamp: 1551113065,
      payload,
      signedHeaders: { 'content-type': contentType, host, 'x-tc-action': 'DescribeInstances' },
    });
    expect(signed.signature).toBe('10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f');
  });

  // Earlier revision (English "Signature v3" page): unmasked example keys, only content-type and host signed.
  it('reproduces the earlier example with only content-type and host signed', () => {
    const signed = signTc3({
      secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
      service: 'cvm',
      timestamp: 1551113065,
      payload,
      signedHeaders: { host, 'content-type': contentType },
    });
    expect(signed.canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n' +
        '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    expect(signed.stringToSign).toBe(
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    );
    expect(signed.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, ' +
        'SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });

  it('dates the credential scope in UTC', () => {
    // 00:44 on the 26th in Beijing is still the 25th in UTC, as the documentation warns.
    expect(tc3Date(1551113065)).toBe('2019-02-25');
    expect(tc3Date(Date.parse('2019-02-26T07:59:59+08:00') / 1000)).toBe('2019-02-25');
    expect(tc3Date(Date.parse('2019-02-26T08:00:00+08:00') / 1000)).toBe('2019-02-26');
  });
});
