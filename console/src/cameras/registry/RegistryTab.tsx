import { Box } from '@mui/material';

/** The camera registry: table, form, CSV import, bulk actions. */
export function RegistryTab() {
  return <Box data-testid="camera-registry" />;
}
