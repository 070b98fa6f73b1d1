/** A third-party provider package, loaded by path in the plugin-loading test. */
import { defineProvider } from '../../provider/define-provider';

export default defineProvider({
  id: 'acme',
  name: 'Acme Cloud',
  catalog: [],
  discoverScopes: () => [{ id: 'acme-1', kind: 'account' }],
  collectors: {},
});
