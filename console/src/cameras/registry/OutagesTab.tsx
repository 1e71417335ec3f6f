import { Box } from '@mui/material';

/** The outage history of the cameras. */
export function OutagesTab() {
  return <Box data-testid="camera-outages" />;
}
