import { Box, Tab, Tabs } from '@mui/material';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';

export interface PageTab<Id extends string> {
  id: Id;
  path: string;
  label: ReactNode;
}

/** Tabs that are links between the pages of one area (each tab is its own address). */
export function PageTabs<Id extends string>({
  tabs,
  active,
  label,
  testIdPrefix,
}: {
  tabs: readonly PageTab<Id>[];
  active: Id;
  /** Accessible name of the tab list. */
  label: string;
  testIdPrefix: string;
}) {
  return (
    <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
      <Tabs
        value={tabs.some((tab) => tab.id === active) ? active : false}
        aria-label={label}
        variant="scrollable"
        scrollButtons="auto"
      >
        {tabs.map((tab) => (
          <Tab
            key={tab.id}
            value={tab.id}
            label={tab.label}
            component={RouterLink}
            to={tab.path}
            data-testid={`${testIdPrefix}-${tab.id}`}
          />
        ))}
      </Tabs>
    </Box>
  );
}
