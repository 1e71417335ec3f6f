import type { ReactNode } from 'react';
import { Checkbox, ListItemText, MenuItem, TextField } from '@mui/material';

interface Props<T extends string> {
  label: string;
  /** Every choice, in the order shown (the chosen ones keep this order too). */
  options: readonly T[];
  value: T[];
  onChange: (chosen: T[]) => void;
  optionLabel: (option: T) => string;
  /** How the chosen values show in the closed field; their labels joined by commas unless told. */
  renderValue?: (chosen: T[]) => ReactNode;
  width: number;
  testId: string;
  /** data-testid of each option's menu item. */
  optionTestId: (option: T) => string;
}

/** A small select of several values, each with a checkbox: the filter bars' states and statuses. */
export function MultiSelectField<T extends string>(props: Props<T>) {
  const { options, optionLabel } = props;
  return (
    <TextField
      size="small"
      select
      label={props.label}
      value={props.value}
      onChange={(e) => {
        const v = e.target.value as unknown;
        const list = Array.isArray(v) ? (v as string[]) : String(v).split(',');
        props.onChange(options.filter((o) => list.includes(o)));
      }}
      sx={{ width: props.width }}
      slotProps={{
        select: {
          multiple: true,
          renderValue: (sel) =>
            props.renderValue ? props.renderValue(sel as T[]) : (sel as T[]).map(optionLabel).join(', '),
        },
        htmlInput: { 'data-testid': props.testId },
      }}
    >
      {options.map((o) => (
        <MenuItem key={o} value={o} data-testid={props.optionTestId(o)}>
          <Checkbox size="small" checked={props.value.includes(o)} sx={{ p: 0.5, mr: 1 }} />
          <ListItemText primary={optionLabel(o)} />
        </MenuItem>
      ))}
    </TextField>
  );
}
