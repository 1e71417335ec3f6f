import SearchIcon from '@mui/icons-material/Search';
import { InputAdornment, TextField, type SxProps, type Theme } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDebouncedCallback } from '../useApiQuery';

interface Props {
  label: string;
  /** The applied text (from the address or the page's state). */
  value: string;
  /** Called with the typed text once typing pauses. */
  onSearch: (text: string) => void;
  testId: string;
  delayMs?: number;
  sx?: SxProps<Theme>;
}

/**
 * A small search box with a magnifier: what is typed is applied after a pause, and the box follows the applied
 * value when it changes from outside (back button, "clear filters").
 */
export function SearchField({ label, value, onSearch, testId, delayMs = 350, sx }: Props) {
  const [text, setText] = useState(value);
  const apply = useDebouncedCallback(onSearch, delayMs);
  useEffect(() => setText(value), [value]);
  return (
    <TextField
      size="small"
      type="search"
      label={label}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        apply(e.target.value);
      }}
      sx={sx}
      slotProps={{
        htmlInput: { maxLength: 100, 'data-testid': testId },
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
