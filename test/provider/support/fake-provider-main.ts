// Entry of a provider bundle built by tests: the real host serving the fake definition.
import { serve } from '../../../lib/provider/serve';
import { fakeDefinition } from './fake-definition';

serve(fakeDefinition).catch((err: unknown) => {
  process.stderr.write(`fake provider: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
