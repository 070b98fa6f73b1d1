import { describe, expect, it } from 'vitest';
import { DOMAIN_IDS, SERVICE_MODEL_IDS } from '@demarc/core';

describe('ids', () => {
  it('are unique kebab-case', () => {
    for (const ids of [DOMAIN_IDS, SERVICE_MODEL_IDS]) {
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
  });
});
