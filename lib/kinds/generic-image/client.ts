// The client's typed facade for generic image objects (one method per operation; transport,
// retries and errors live in the client).
import { Facade } from '../../client/facade';
import type * as T from '../../client/types';

export class GenericImagesApi extends Facade {
  list(): Promise<T.GenericImage[]> {
    return this.host.call('generic_image.list');
  }
}
