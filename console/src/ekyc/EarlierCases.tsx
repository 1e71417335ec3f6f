import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import {
  Box,
  Chip,
  IconButton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useI18n } from '../i18n/context';
import { formatDateTime } from '../time';
import { formatSimilarity, similarityTone, type CaseDetail, type CaseStatus } from './review';

export const STATUS_COLOR: Record<CaseStatus, 'warning' | 'success' | 'error'> = {
  review: 'warning',
  approved: 'success',
  rejected: 'error',
};

export function EarlierCases({ detail, onOpen }: { detail: CaseDetail; onOpen: (id: string) => void }) {
  const { t, lang } = useI18n();
  if (detail.earlierCases.length === 0)
    return <Typography color="text.secondary">{t('ekycCase.earlierNone')}</Typography>;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={t('ekycCase.earlier')} data-testid="earlier-cases">
        <TableHead>
          <TableRow>
            <TableCell>{t('ekycCase.createdAt')}</TableCell>
            <TableCell>{t('users.col.status')}</TableCell>
            <TableCell align="right">{t('ekyc.col.similarity')}</TableCell>
            <TableCell>{t('ekycCase.account')}</TableCell>
            <TableCell padding="checkbox" />
          </TableRow>
        </TableHead>
        <TableBody>
          {detail.earlierCases.map((c) => {
            const tone = similarityTone(c.similarity, detail.thresholds);
            return (
              <TableRow key={c.id} data-testid="earlier-case" data-same-account={String(c.sameAccount)}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(c.createdAt, lang)}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    variant="outlined"
                    color={STATUS_COLOR[c.status]}
                    label={t(`ekyc.status.${c.status}`)}
                  />
                </TableCell>
                <TableCell
                  align="right"
                  sx={{ fontFamily: 'monospace', color: tone === 'default' ? undefined : `${tone}.dark` }}
                >
                  {formatSimilarity(c.similarity, lang) ?? t('common.none')}
                </TableCell>
                <TableCell>
                  {c.sameAccount ? (
                    <Chip size="small" variant="outlined" label={t('ekycCase.sameAccount')} />
                  ) : (
                    <Chip
                      size="small"
                      color="error"
                      icon={<WarningAmberIcon />}
                      label={t('ekycCase.otherAccount')}
                      data-testid="other-account"
                    />
                  )}
                </TableCell>
                <TableCell padding="checkbox">
                  <IconButton
                    size="small"
                    onClick={() => onOpen(c.id)}
                    aria-label={t('ekycCase.openCase')}
                    title={t('ekycCase.openCase')}
                  >
                    <OpenInNewIcon fontSize="small" />
                  </IconButton>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
