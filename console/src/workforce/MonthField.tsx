import { TextField } from '@mui/material';

/** A month picker (YYYY-MM); an emptied field is ignored (the page keeps its month). */
export function MonthField({
  label,
  value,
  max,
  onChange,
  error = false,
  helperText,
  testId,
}: {
  label: string;
  value: string;
  max: string;
  onChange: (month: string) => void;
  error?: boolean;
  helperText?: string | undefined;
  testId: string;
}) {
  return (
    <TextField
      type="month"
      size="small"
      label={label}
      value={value}
      onChange={(e) => e.target.value && onChange(e.target.value)}
      error={error}
      helperText={helperText}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { max, 'data-testid': testId } }}
    />
  );
}
