import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import { Box, Chip, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import {
  DataGrid,
  type GridColDef,
  type GridPaginationModel,
  type GridRowParams,
  type GridSortModel,
} from '@mui/x-data-grid';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import type { components } from '../api/schema';
import { ProblemAlert } from '../components/ProblemAlert';
import { SelectionBar } from '../components/SelectionBar';
import { SearchField } from '../components/SearchField';
import { useI18n } from '../i18n/context';
import { KNOWN_ROLES, roleLabel, sortRoles } from '../roles';
import { formatDateTime, nationalPhone } from '../time';
import { useApiQuery } from '../useApiQuery';
import { useGridLocaleText } from '../gridLocale';
import { buildUsersQuery } from './queries';
import { BulkRolesDialog } from './BulkRolesDialog';
import { UserDrawer } from './UserDrawer';

type AdminUser = components['schemas']['AdminUser'];
type Role = components['schemas']['Role'];

const PAGE_SIZES = [10, 25, 50, 100];

export function UsersPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { userId } = useParams();

  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const [status, setStatus] = useState('');
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: 25 });
  const [sortModel, setSortModel] = useState<GridSortModel>([{ field: 'createdAt', sort: 'desc' }]);
  // Kept across pages and filters, so an administrator can gather accounts from several searches.
  const [selection, setSelection] = useState<string[]>([]);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [bulkOpen, setBulkOpen] = useState(false);

  const query = useMemo(
    () =>
      buildUsersQuery({ q, role, status, page: pagination.page, pageSize: pagination.pageSize, sortModel }),
    [q, role, status, pagination, sortModel],
  );
  const users = useApiQuery(JSON.stringify(query), (signal) =>
    unwrap(api.GET('/api/v1/admin/users', { params: { query }, signal })),
  );
  const roles = useApiQuery('roles', (signal) => unwrap(api.GET('/api/v1/admin/roles', { signal })));
  const roleNames: Role[] = roles.data?.items.map((r) => r.role) ?? [...KNOWN_ROLES];
  /** The selection, with a label for each account (also those on other pages, remembered when picked). */
  const select = (ids: string[]) => {
    const shown = new Map((users.data?.items ?? []).map((u) => [u.id, u]));
    setNames(
      (prev) =>
        new Map(
          ids.map((id) => {
            const u = shown.get(id);
            return [id, u ? `${u.fullName} · ${nationalPhone(u.phone)}` : (prev.get(id) ?? id)];
          }),
        ),
    );
    setSelection(ids);
  };

  const columns = useMemo<GridColDef<AdminUser>[]>(
    () => [
      { field: 'fullName', headerName: t('users.col.fullName'), flex: 1, minWidth: 150 },
      {
        field: 'phone',
        headerName: t('users.col.phone'),
        width: 125,
        sortable: false,
        renderCell: ({ row }) => (
          <Box
            sx={{
              lineHeight: 1.25,
              height: '100%',
              display: 'flex',
              flexDirection: 'column',
              justifyContent: 'center',
            }}
          >
            <div>{nationalPhone(row.phone)}</div>
            {row.phone !== nationalPhone(row.phone) ? (
              <Typography variant="caption" color="text.secondary">
                {row.phone}
              </Typography>
            ) : null}
          </Box>
        ),
      },
      {
        field: 'roles',
        headerName: t('users.col.roles'),
        flex: 1.3,
        minWidth: 140,
        sortable: false,
        renderCell: ({ row }) => (
          <Stack
            direction="row"
            spacing={0.5}
            sx={{ alignItems: 'center', height: '100%', overflow: 'hidden' }}
          >
            {sortRoles(row.roles).map((r) => (
              <Chip
                key={r}
                size="small"
                label={roleLabel(t, r)}
                color={r === 'admin' ? 'primary' : 'default'}
                variant={r === 'citizen' ? 'outlined' : 'filled'}
              />
            ))}
          </Stack>
        ),
      },
      {
        field: 'status',
        headerName: t('users.col.status'),
        width: 148,
        sortable: false,
        renderCell: ({ row }) => (
          <Chip
            size="small"
            label={t(row.status === 'active' ? 'status.active' : 'status.disabled')}
            color={row.status === 'active' ? 'success' : 'default'}
            variant="outlined"
          />
        ),
      },
      {
        field: 'identityLevel',
        headerName: t('users.col.identityLevel'),
        width: 125,
        sortable: false,
        type: 'number',
        align: 'center',
        headerAlign: 'center',
      },
      {
        field: 'createdAt',
        headerName: t('users.col.createdAt'),
        width: 150,
        valueFormatter: (value: string) => formatDateTime(value, lang, { seconds: false }) ?? '',
      },
      {
        field: 'lastLoginAt',
        headerName: t('users.col.lastLoginAt'),
        width: 165,
        valueFormatter: (value: string | null) =>
          formatDateTime(value, lang, { seconds: false }) ?? t('common.never'),
      },
    ],
    [t, lang],
  );

  const localeText = useGridLocaleText(t('users.empty'));
  const openUser = (params: GridRowParams<AdminUser>) => navigate(`/admin/users/${params.row.id}`);

  return (
    <Stack spacing={2} sx={{ height: '100%' }}>
      <Box>
        <Typography variant="h1" component="h1">
          {t('users.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('users.openHint')} {t('common.timezoneNote')}
        </Typography>
      </Box>

      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <SearchField
            label={t('users.searchLabel')}
            value={q}
            onSearch={(value) => {
              setQ(value);
              setPagination((p) => ({ ...p, page: 0 }));
            }}
            testId="user-search"
            sx={{ flex: 1, minWidth: 240 }}
          />
          <TextField
            select
            label={t('users.roleFilter')}
            size="small"
            value={role}
            onChange={(e) => {
              setRole(e.target.value);
              setPagination((p) => ({ ...p, page: 0 }));
            }}
            sx={{ minWidth: 200 }}
            slotProps={{ htmlInput: { 'data-testid': 'role-filter' } }}
          >
            <MenuItem value="">{t('common.all')}</MenuItem>
            {roleNames.map((r) => (
              <MenuItem key={r} value={r}>
                {roleLabel(t, r)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={t('users.statusFilter')}
            size="small"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value);
              setPagination((p) => ({ ...p, page: 0 }));
            }}
            sx={{ minWidth: 180 }}
          >
            <MenuItem value="">{t('common.all')}</MenuItem>
            <MenuItem value="active">{t('status.active')}</MenuItem>
            <MenuItem value="disabled">{t('status.disabled')}</MenuItem>
          </TextField>
        </Stack>
      </Paper>

      {users.problem ? <ProblemAlert problem={users.problem} onRetry={users.reload} /> : null}

      {selection.length ? (
        <SelectionBar
          label={t('users.selected', { n: selection.length })}
          clearLabel={t('users.selection.clear')}
          onClear={() => select([])}
          actionLabel={t('users.bulk.open')}
          actionIcon={<ManageAccountsIcon />}
          onAction={() => setBulkOpen(true)}
          testId="users-selection"
          actionTestId="users-bulk-open"
        />
      ) : null}

      <Box sx={{ height: 'calc(100vh - 290px)', minHeight: 420 }}>
        <DataGrid<AdminUser>
          rows={users.data?.items ?? []}
          rowCount={users.data?.total ?? 0}
          columns={columns}
          loading={users.loading}
          paginationMode="server"
          sortingMode="server"
          filterMode="server"
          disableColumnFilter
          paginationModel={pagination}
          onPaginationModelChange={setPagination}
          pageSizeOptions={PAGE_SIZES}
          sortModel={sortModel}
          onSortModelChange={(model) => {
            setSortModel(model);
            setPagination((p) => ({ ...p, page: 0 }));
          }}
          sortingOrder={['desc', 'asc']}
          onRowClick={openUser}
          onCellKeyDown={(params, event) => {
            if (event.key === 'Enter' && params.field !== '__check__')
              navigate(`/admin/users/${String(params.id)}`);
          }}
          getRowClassName={(p) =>
            [p.row.status === 'disabled' ? 'row-disabled' : '', p.row.id === userId ? 'row-open' : '']
              .filter(Boolean)
              .join(' ')
          }
          checkboxSelection
          disableRowSelectionOnClick
          keepNonExistentRowsSelected
          rowSelectionModel={{ type: 'include', ids: new Set(selection) }}
          onRowSelectionModelChange={(m) => select([...m.ids].map(String))}
          localeText={localeText}
          hideFooterSelectedRowCount
          sx={{
            '& .MuiDataGrid-row': { cursor: 'pointer' },
            '& .row-disabled': { color: 'text.disabled' },
            '& .row-open': { bgcolor: 'action.selected' },
          }}
          aria-label={t('users.title')}
        />
      </Box>

      <UserDrawer
        userId={userId ?? null}
        roles={roles.data?.items}
        onClose={() => navigate('/admin/users')}
        onChanged={users.reload}
      />
      {bulkOpen ? (
        <BulkRolesDialog
          ids={selection}
          names={names}
          roles={roleNames}
          onClose={() => setBulkOpen(false)}
          onDone={(refused) => {
            select(refused);
            users.reload();
          }}
        />
      ) : null}
    </Stack>
  );
}
