/**
 * Translation models as a managed resource: what is installed under modelsDir, and `models add`
 * (download from the publisher, verify, move into place) and `models remove`.
 */
export { addModel, type AddEvent, type AddOptions, type AddResult } from './install.js';
export {
  incomingModels,
  installedModel,
  installedModels,
  isInstalled,
  removeModel,
  requiredFiles,
  type IncomingModel,
  type InstalledModel,
  type Manifest,
} from './installed.js';
export { parsePair, repoForPair, type Pair } from './pairs.js';
export { createPublisher, type Publisher, type PublisherOptions, type RemoteFile } from './publisher.js';
