import { describe, expect, it } from 'vitest';
import { aliyunCanonicalizedQuery, aliyunPercentEncode, aliyunStringToSign, signAliyunRpc } from './aliyun-rpc-signature.ts';

describe('Alibaba Cloud RPC signature', () => {
  it('encodes space as %20 and * as %2A, and leaves ~ alone', () => {
    expect(aliyunPercentEncode('a b*c~d')).toBe('a%20b%2Ac~d');
    expect(aliyunPercentEncode("!'()")).toBe('%21%27%28%29');
    expect(aliyunPercentEncode('/=&+:')).toBe('%2F%3D%26%2B%3A');
    expect(aliyunPercentEncode('短')).toBe('%E7%9F%AD');
  });

  // Vector: Alibaba Cloud "签名机制" / "Signature mechanism" page for RPC APIs (e.g.
  // help.aliyun.com/document_detail/130769 and its copies in every product's developer reference),
  // section "示例 / Example": DescribeRegions, AccessKeyId testid, AccessKeySecret testsecret.
  it('reproduces the DescribeRegions example of the "签名机制" documentation', () => {
    const params = {
      Timestamp: '2016-02-23T12:46:24Z',
      Format: 'XML',
      AccessKeyId: 'testid',
      Action: 'DescribeRegions',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
      Version: '2014-05-26',
      SignatureVersion: '1.0',
    };
    expect(aliyunStringToSign('GET', params)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1' +
        '%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0' +
        '%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
    expect(signAliyunRpc('GET', params, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  // Vector: Alibaba Cloud SMS documentation "HTTP协议及签名" (help.aliyun.com/document_detail/56189;
  // the same request appears under "请求签名", help.aliyun.com/document_detail/101343): a SendSms
  // request with AccessKeyId testId, AccessKeySecret testSecret and a Chinese SignName.
  it('reproduces the SendSms example of the SMS "HTTP协议及签名" documentation', () => {
    const params = {
      AccessKeyId: 'testId',
      Action: 'SendSms',
      Format: 'XML',
      OutId: '123',
      PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou',
      SignName: '阿里云短信测试专用',
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
      SignatureVersion: '1.0',
      TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}',
      Timestamp: '2017-07-12T02:42:19Z',
      Version: '2017-05-25',
    };
    expect(aliyunCanonicalizedQuery(params)).toBe(
      'AccessKeyId=testId&Action=SendSms&Format=XML&OutId=123&PhoneNumbers=15300000001&RegionId=cn-hangzhou' +
        '&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8' +
        '&SignatureMethod=HMAC-SHA1&SignatureNonce=45e25e9b-0a6f-4070-8c85-2956eda1b466&SignatureVersion=1.0' +
        '&TemplateCode=SMS_71390007&TemplateParam=%7B%22customer%22%3A%22test%22%7D&Timestamp=2017-07-12T02%3A42%3A19Z' +
        '&Version=2017-05-25',
    );
    expect(aliyunStringToSign('GET', params)).toBe(
      'GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001' +
        '%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1' +
        '%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8%26SignatureMethod%3DHMAC-SHA1' +
        '%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_71390007' +
        '%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp%3D2017-07-12T02%253A42%253A19Z' +
        '%26Version%3D2017-05-25',
    );
    expect(signAliyunRpc('GET', params, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
  });

  it('leaves a Signature parameter out and signs the HTTP method', () => {
    const params = { Action: 'SendSms', AccessKeyId: 'id' };
    expect(aliyunCanonicalizedQuery({ ...params, Signature: 'old' })).toBe(aliyunCanonicalizedQuery(params));
    expect(aliyunStringToSign('POST', params)).toBe(aliyunStringToSign('GET', params).replace(/^GET/, 'POST'));
    expect(signAliyunRpc('POST', params, 's')).not.toBe(signAliyunRpc('GET', params, 's'));
  });
});
