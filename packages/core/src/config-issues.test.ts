/**
 * Config, attestation and mute files report every problem at once, each with the file, the line and
 * column (when the text was parsed) and the field.
 */
import { describe, expect, it } from 'vitest';
import { parseAttestationText } from './attestations/index';
import { parseConfig, parseConfigText } from './config';
import { ConfigError, formatConfigIssue } from './errors';
import { parseMuteRules } from './mutes/index';

/** The ConfigError `run` throws. */
function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const lines = (error: ConfigError): string[] => error.issues.map(formatConfigIssue);

const NOT_A_PROVIDER = 'must be a provider package name, or { "package": name, "options": { ... } }';

const CONFIG_WITH_THREE_PROBLEMS = `{
  "providers": ["@demarc/aws", 7],
  "mutes": [
    { "check": "aws-*", "reason": "ok" },
    { "check": "azure-*", "reason": " ", "expires": "next year" }
  ],
  "concurrency": { "global": 0 }
}
`;

describe('every problem at once, with line and column', () => {
  it.each([
    {
      what: 'a JSON config with three invalid values: each at its value',
      run: () => parseConfigText(CONFIG_WITH_THREE_PROBLEMS, 'demarc.config.json'),
      expected: [
        `demarc.config.json:2:32: providers[1]: ${NOT_A_PROVIDER}`,
        'demarc.config.json:5:37: mutes[1].reason: a mute needs a reason',
        'demarc.config.json:5:53: mutes[1].expires: must be an ISO date (YYYY-MM-DD)',
        'demarc.config.json:7:30: concurrency.global: Too small: expected number to be >0',
      ],
    },
    {
      what: 'a JSON config with a trailing comma and a comment: each syntax error',
      run: () => parseConfigText('{\n  "providers": ["aws",],\n  // mine\n  "checks": []\n}\n', 'demarc.config.json'),
      expected: [
        'demarc.config.json:2:23: cannot be parsed as JSON: a value is expected here (JSON allows no trailing comma)',
        'demarc.config.json:3:3: cannot be parsed as JSON: JSON allows no comments',
      ],
    },
    {
      what: 'unknown keys: each at the key',
      run: () => parseConfigText('{\n  "provider": ["aws"],\n  "mute": []\n}', 'c.json'),
      expected: ['c.json:2:3: Unrecognized key: "provider"', 'c.json:3:3: Unrecognized key: "mute"'],
    },
    {
      what: 'a missing field: at the entry that lacks it',
      run: () => parseConfigText('{ "mutes": [\n  { "check": "x" }\n] }', 'c.json'),
      expected: ['c.json:2:3: mutes[0].reason: Invalid input: expected string, received undefined'],
    },
    {
      what: 'a YAML attestation file with two bad entries',
      run: () =>
        parseAttestationText(
          [
            'version: 1',
            'attestations:',
            '  - measure: security-policy',
            '    owner: CISO',
            '    evidence: x',
            '    done: 2025-13-45',
            '  - measure: no-such-measure',
            '    owner: A',
            '    evidence: y',
            '    done: 2025-01-01',
            '    validFor: six months',
          ].join('\n'),
          'attestations.yaml',
        ),
      expected: [
        'attestations.yaml:6:11: attestations[0].done: is not a real date',
        expect.stringMatching(/^attestations\.yaml:7:14: attestations\[1\]\.measure: Invalid option: expected one of /),
        "attestations.yaml:11:15: attestations[1].validFor: must be an ISO 8601 duration such as 'P1Y', " +
          "'P6M' or 'P90D'",
      ],
    },
    {
      what: 'a YAML syntax error',
      run: () => parseAttestationText('version: 1\nattestations:\n  - measure: "security-policy\n', 'a.yaml'),
      expected: ['a.yaml:4:1: cannot be parsed as YAML: Missing closing "quote'],
    },
    {
      what: 'a JSON attestation file with a syntax error',
      run: () => parseAttestationText('{"version": 1, "attestations": [}', 'a.json'),
      expected: [
        'a.json:1:33: cannot be parsed as JSON: a value is expected here',
        "a.json:1:34: cannot be parsed as JSON: a ']' is expected to close the array",
      ],
    },
    {
      what: 'parsed data (a .mjs config): every problem, without positions',
      run: () => parseConfig({ checks: [''], mutes: [{ check: 'a', reason: '' }], checkTimeoutMs: -1 }, 'config.mjs'),
      expected: [
        'config.mjs: checks[0]: Too small: expected string to have >=1 characters',
        'config.mjs: mutes[0].reason: a mute needs a reason',
        'config.mjs: checkTimeoutMs: Too small: expected number to be >0',
      ],
    },
    {
      what: 'mute rules',
      run: () => parseMuteRules([{ check: '', reason: 'r' }, { check: 'x', reason: '' }], 'mutes.json'),
      expected: [
        'mutes.json: [0].check: Too small: expected string to have >=1 characters',
        'mutes.json: [1].reason: a mute needs a reason',
      ],
    },
  ])('$what', ({ run, expected }) => {
    expect(lines(configError(run))).toEqual(expected);
  });
});

describe('ConfigError stays what callers knew', () => {
  it('the location and the first line of the message are the first problem; the other problems follow', () => {
    const error = configError(() => parseConfigText(CONFIG_WITH_THREE_PROBLEMS, 'demarc.config.json'));
    expect(error).toMatchObject({ file: 'demarc.config.json', entry: 'providers[1]', line: 2, column: 32 });
    expect(error.field).toBeUndefined();
    expect(error.issues).toHaveLength(4);
    expect(error.message.split('\n')).toEqual([
      `demarc.config.json: providers[1]: ${NOT_A_PROVIDER}`,
      'demarc.config.json: mutes[1]: reason: a mute needs a reason',
      'demarc.config.json: mutes[1]: expires: must be an ISO date (YYYY-MM-DD)',
      'demarc.config.json: concurrency.global: Too small: expected number to be >0',
    ]);
  });

  it('one problem: one issue, built from the location', () => {
    const location = { file: 'f.yaml', entry: 'attestations[0]', field: 'owner' };
    const error = new ConfigError(location, 'must name a person or team');
    expect(error.message).toBe('f.yaml: attestations[0]: owner: must name a person or team');
    expect(error.issues).toEqual([{ ...location, problem: 'must name a person or team' }]);
    expect(formatConfigIssue(error.issues[0]!)).toBe('f.yaml: attestations[0].owner: must name a person or team');
  });
});
