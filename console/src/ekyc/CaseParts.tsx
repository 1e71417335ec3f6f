import type { ReactNode } from 'react';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import HideImageIcon from '@mui/icons-material/HideImage';
import RemoveIcon from '@mui/icons-material/Remove';
import {
  Box,
  ButtonBase,
  Chip,
  Skeleton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
  Paper,
} from '@mui/material';
import { alpha } from '@mui/material/styles';
import { describeProblem } from '../components/ProblemAlert';
import { useI18n } from '../i18n/context';
import {
  compareDeclaredQr,
  formatIsoDate,
  formatSimilarity,
  gaugePercent,
  similarityTone,
  type CaseDetail,
  type CompareField,
  type ImageKind,
  type Thresholds,
} from './review';
import { useCaseImage } from './useCaseImage';

interface ImageProps {
  caseId: string;
  kind: ImageKind;
  /** The case lists this image (and the images were not deleted). */
  available: boolean;
  onEnlarge?: (url: string, label: string) => void;
}

function Placeholder({ text, size }: { text: string; size: number | string }) {
  return (
    <Stack
      sx={{
        width: '100%',
        height: size,
        alignItems: 'center',
        justifyContent: 'center',
        color: 'text.secondary',
        bgcolor: 'grey.100',
        textAlign: 'center',
        p: 1,
      }}
    >
      <HideImageIcon />
      <Typography variant="caption">{text}</Typography>
    </Stack>
  );
}

/** One original image of the case (card front, back, selfie), fitted in a tile; click to enlarge. */
export function ImageTile({ caseId, kind, available, onEnlarge }: ImageProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const img = useCaseImage(caseId, kind, available);
  const label = t(`ekycCase.image.${kind}`);
  const height = 150;
  let body;
  if (!available) body = <Placeholder text={t('ekycCase.imageMissing')} size={height} />;
  else if (img.loading) body = <Skeleton variant="rectangular" height={height} />;
  else if (img.problem || !img.url)
    body = (
      <Placeholder
        text={img.problem ? describeProblem(img.problem, i18n) : t('ekycCase.imageFailed')}
        size={height}
      />
    );
  else {
    const url = img.url;
    body = (
      <Tooltip title={t('ekycCase.imageOpen', { name: label })}>
        <ButtonBase
          onClick={() => onEnlarge?.(url, label)}
          sx={{ width: '100%', height, bgcolor: 'grey.900', display: 'block' }}
          aria-label={t('ekycCase.imageOpen', { name: label })}
        >
          <Box
            component="img"
            src={url}
            alt={label}
            data-testid={`image-${kind}`}
            sx={{ width: '100%', height: '100%', objectFit: 'contain', display: 'block' }}
          />
        </ButtonBase>
      </Tooltip>
    );
  }
  return (
    <Box sx={{ minWidth: 0 }}>
      <Box sx={{ borderRadius: 1, overflow: 'hidden', border: 1, borderColor: 'divider' }}>{body}</Box>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
        {label}
      </Typography>
    </Box>
  );
}

/** Twice the crop's 112 px: whole-number scaling keeps the pixels square. */
export const FACE_SIZE = 224;

/** An aligned 112×112 face crop, enlarged with hard pixels so nothing is invented by smoothing. */
export function FaceCrop({ caseId, kind, available }: ImageProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const img = useCaseImage(caseId, kind, available);
  const label = t(`ekycCase.image.${kind}`);
  let body;
  if (!available) body = <Placeholder text={t('ekycCase.imageMissing')} size={FACE_SIZE} />;
  else if (img.loading) body = <Skeleton variant="rectangular" width={FACE_SIZE} height={FACE_SIZE} />;
  else if (img.problem || !img.url)
    body = (
      <Placeholder
        text={img.problem ? describeProblem(img.problem, i18n) : t('ekycCase.imageFailed')}
        size={FACE_SIZE}
      />
    );
  else
    body = (
      <Box
        component="img"
        src={img.url}
        alt={label}
        data-testid={`face-${kind}`}
        width={FACE_SIZE}
        height={FACE_SIZE}
        sx={{ display: 'block', imageRendering: 'pixelated' }}
      />
    );
  return (
    <Box component="figure" sx={{ m: 0, width: FACE_SIZE }}>
      <Box sx={{ width: FACE_SIZE, borderRadius: 1, overflow: 'hidden', border: 1, borderColor: 'divider' }}>
        {body}
      </Box>
      <Typography
        component="figcaption"
        variant="body2"
        sx={{ mt: 0.5, fontWeight: 600, textAlign: 'center' }}
      >
        {label}
      </Typography>
    </Box>
  );
}

/** A 0–1 bar: red below the reject threshold, amber between, green from accept; a marker at the score. */
export function SimilarityGauge({ value, thresholds }: { value: number | null; thresholds: Thresholds }) {
  const { t, lang } = useI18n();
  const tone = similarityTone(value, thresholds);
  const reject = gaugePercent(thresholds.reject);
  const accept = gaugePercent(thresholds.accept);
  const fmt = (v: number) => formatSimilarity(v, lang) ?? '';
  return (
    <Box data-testid="similarity-gauge" sx={{ width: '100%' }}>
      <Stack direction="row" sx={{ alignItems: 'baseline', gap: 1, mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="body2" color="text.secondary">
          {t('ekycCase.similarity')}
        </Typography>
        {value !== null ? (
          <>
            <Typography
              component="span"
              sx={{ fontSize: 28, fontWeight: 700, lineHeight: 1, fontFamily: 'monospace' }}
              color={tone === 'default' ? 'text.primary' : `${tone}.dark`}
              data-testid="similarity-value"
            >
              {fmt(value)}
            </Typography>
            {tone !== 'default' ? (
              <Chip size="small" color={tone} label={t(`ekycCase.tone.${tone}`)} />
            ) : null}
          </>
        ) : (
          <Typography variant="body2">{t('ekycCase.noSimilarity')}</Typography>
        )}
      </Stack>
      <Box
        role="meter"
        aria-label={t('ekycCase.similarity')}
        aria-valuemin={0}
        aria-valuemax={1}
        aria-valuenow={value ?? undefined}
        aria-valuetext={value !== null ? fmt(value) : t('ekycCase.noSimilarity')}
        sx={{ position: 'relative', height: 16, mx: 0.5, mt: 2.5 }}
      >
        <Box
          sx={(th) => ({
            position: 'absolute',
            inset: 0,
            borderRadius: 1,
            overflow: 'hidden',
            background: `linear-gradient(to right,
              ${alpha(th.palette.error.main, 0.35)} 0 ${reject}%,
              ${alpha(th.palette.warning.main, 0.35)} ${reject}% ${accept}%,
              ${alpha(th.palette.success.main, 0.35)} ${accept}% 100%)`,
          })}
        />
        {[reject, accept].map((p, i) => (
          <Box
            key={i}
            sx={{
              position: 'absolute',
              left: `${p}%`,
              top: -4,
              bottom: -4,
              width: 2,
              ml: '-1px',
              bgcolor: i === 0 ? 'error.dark' : 'success.dark',
            }}
          />
        ))}
        {value !== null ? (
          <Box
            data-testid="similarity-marker"
            sx={{
              position: 'absolute',
              left: `${gaugePercent(value)}%`,
              top: -10,
              transform: 'translateX(-50%)',
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'center',
            }}
          >
            <Box
              sx={{
                width: 0,
                height: 0,
                borderLeft: '7px solid transparent',
                borderRight: '7px solid transparent',
                borderTop: '9px solid',
                borderTopColor: 'text.primary',
              }}
            />
            <Box sx={{ width: 3, height: 18, bgcolor: 'text.primary' }} />
          </Box>
        ) : null}
      </Box>
      <Box sx={{ position: 'relative', height: 36, mx: 0.5, mt: 0.75 }}>
        <Typography
          variant="caption"
          sx={{
            position: 'absolute',
            right: `${100 - reject}%`,
            mr: '-1px',
            whiteSpace: 'nowrap',
            color: 'error.dark',
            textAlign: 'right',
            lineHeight: 1.2,
          }}
        >
          {t('ekycCase.rejectThreshold', { value: fmt(thresholds.reject) })}
        </Typography>
        <Typography
          variant="caption"
          sx={{
            position: 'absolute',
            left: `${accept}%`,
            ml: '-1px',
            whiteSpace: 'nowrap',
            color: 'success.dark',
            lineHeight: 1.2,
          }}
        >
          {t('ekycCase.acceptThreshold', { value: fmt(thresholds.accept) })}
        </Typography>
        <Typography
          variant="caption"
          color="text.secondary"
          sx={{ position: 'absolute', left: 0, top: 18, lineHeight: 1.2 }}
        >
          0
        </Typography>
        <Typography
          variant="caption"
          color="text.secondary"
          sx={{ position: 'absolute', right: 0, top: 18, lineHeight: 1.2 }}
        >
          1
        </Typography>
      </Box>
    </Box>
  );
}

/** Declared data vs the card QR, a row per field; differing rows are marked in red. */
export function CompareTable({ declared, qr }: Pick<CaseDetail, 'declared' | 'qr'>) {
  const { t } = useI18n();
  const rows = compareDeclaredQr(declared, qr);
  const show = (field: CompareField, v: string | null) => {
    if (v === null || v === '') return t('common.none');
    if (field === 'dateOfBirth' || field === 'issuedOn') return formatIsoDate(v);
    if (field === 'sex' && (v === 'male' || v === 'female')) return t(`ekyc.sex.${v}`);
    return v;
  };
  const mono = (field: CompareField) => (field === 'cccdNumber' ? { fontFamily: 'monospace' } : {});
  return (
    <Table size="small" aria-label={t('ekycCase.compare')} data-testid="compare-table">
      <TableHead>
        <TableRow>
          <TableCell>{t('ekycCase.compare.field')}</TableCell>
          <TableCell>{t('ekycCase.compare.declared')}</TableCell>
          <TableCell>{t('ekycCase.compare.qr')}</TableCell>
          <TableCell padding="checkbox" />
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => {
          const bad = r.match === false;
          return (
            <TableRow
              key={r.field}
              data-testid={`compare-${r.field}`}
              data-match={r.match === null ? 'na' : String(r.match)}
              sx={(th) =>
                bad
                  ? {
                      bgcolor: alpha(th.palette.error.main, 0.1),
                      '& td:first-of-type': { boxShadow: `inset 4px 0 0 ${th.palette.error.main}` },
                    }
                  : {}
              }
            >
              <TableCell sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
                {t(`ekycCase.field.${r.field}`)}
              </TableCell>
              <TableCell sx={{ ...mono(r.field), fontWeight: bad ? 700 : undefined }}>
                {show(r.field, r.declared)}
              </TableCell>
              <TableCell
                sx={{
                  ...mono(r.field),
                  fontWeight: bad ? 700 : undefined,
                  color: bad ? 'error.dark' : undefined,
                }}
              >
                {show(r.field, r.qr)}
              </TableCell>
              <TableCell padding="checkbox" sx={{ pr: 1 }}>
                {r.match === true ? (
                  <CheckCircleIcon
                    fontSize="small"
                    color="success"
                    titleAccess={t('ekycCase.compare.match')}
                  />
                ) : r.match === false ? (
                  <ErrorIcon fontSize="small" color="error" titleAccess={t('ekycCase.compare.mismatch')} />
                ) : (
                  <RemoveIcon fontSize="small" sx={{ color: 'text.disabled' }} />
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography component="div" sx={{ overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Box>
  );
}

export function Section({
  title,
  children,
  aside,
}: {
  title: string;
  children: ReactNode;
  aside?: ReactNode;
}) {
  return (
    <Paper variant="outlined" component="section" sx={{ p: 2, minWidth: 0 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1.5, gap: 1 }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, flex: 1 }}>
          {title}
        </Typography>
        {aside}
      </Stack>
      {children}
    </Paper>
  );
}
