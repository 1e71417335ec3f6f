import { StateChip } from '../StateChip';
import { currentStatus } from '../status';
import { useCameraStatus } from '../useCameraStatus';
import type { Camera } from './form';

/** The state of a camera in a table: the live status stream's when it has one, else the list's. */
export function LiveStateChip({ camera }: { camera: Camera }) {
  const { statuses } = useCameraStatus();
  const status = currentStatus(statuses, camera);
  return <StateChip state={status.state} title={status.message} />;
}
