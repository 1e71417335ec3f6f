import { route, type RouteSpec } from '../../platform/route.ts';
import { Problem } from '../../platform/openapi.ts';
import {
  Company,
  CompanyCreate,
  CompanyCreated,
  CompanyList,
  CompanyMember,
  CompanyMemberList,
  CompanyParams,
  CompanyUpdate,
  CompanyView,
  CompanyPage,
  CompanyStaffQuery,
  INDUSTRIES,
  IndustryList,
  MemberAdd,
  MemberParams,
} from './companies.schemas.ts';
import type { CompaniesService } from './companies.service.ts';

const tags = ['Việc làm (work)'];
const notFound = { description: 'No such company (or not visible to you)', schema: Problem };
const forbidden = {
  description: 'Not a member (`not_company_member`) or not an owner (`not_company_owner`)',
  schema: Problem,
};

export function companyRoutes(s: CompaniesService): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/work/industries',
      tags,
      summary: 'Industries (VSIC 2018 sections) for companies and postings',
      access: 'public',
      responses: { 200: { description: 'Industries', schema: IndustryList } },
      handler: () => ({ items: INDUSTRIES }),
    }),
    route({
      method: 'post',
      path: '/work/companies',
      tags,
      summary:
        'Register a company (self-service: the caller becomes its owner and gets the employer role); it waits for verification by a moderator',
      description:
        'Needs identity level 1 (a declared CCCD): 403 `identity_level_required` with `requiredLevel` and `currentLevel`. ' +
        'Tax code: 10 digits with a valid check digit, or `NNNNNNNNNN-NNN` for a branch; each problem has its own code (`tax_code_format`, `tax_code_branch`, `tax_code_check_digit`). ' +
        'The creator is granted the employer role (audited); `refreshSession: true` means the access token does not carry it yet: refresh the session.',
      access: 'user',
      body: CompanyCreate,
      responses: {
        201: { description: 'Created, status pending', schema: CompanyCreated },
        403: { description: 'Identity level below 1 (`identity_level_required`)', schema: Problem },
        409: { description: 'Tax code already registered (`tax_code_taken`)', schema: Problem },
      },
      handler: ({ body, auth, actor }) => s.create(body, auth, actor),
    }),
    route({
      method: 'get',
      path: '/work/companies',
      tags,
      summary: 'All companies for the console (moderators and workforce staff), filtered and searched',
      access: 'console:access',
      query: CompanyStaffQuery,
      responses: {
        200: { description: 'A page', schema: CompanyPage },
        403: { description: 'Needs moderation:review or workforce:read', schema: Problem },
      },
      handler: ({ query, auth }) => s.list(query, auth),
    }),
    route({
      method: 'get',
      path: '/work/companies/mine',
      tags,
      summary: 'Companies I work for, with my role',
      access: 'user',
      responses: { 200: { description: 'Companies', schema: CompanyList } },
      handler: ({ auth }) => s.mine(auth.userId),
    }),
    route({
      method: 'get',
      path: '/work/companies/{id}',
      tags,
      summary:
        'A company: members and reviewers see everything, others only a verified company’s public fields',
      access: 'public',
      params: CompanyParams,
      responses: { 200: { description: 'Company', schema: CompanyView }, 404: notFound },
      handler: ({ params, auth }) => s.get(params.id, auth),
    }),
    route({
      method: 'patch',
      path: '/work/companies/{id}',
      tags,
      summary: 'Edit a company (members)',
      description:
        'Changing the name, tax code or address of a verified company sends it back to review; editing a rejected company resubmits it.',
      access: 'user',
      params: CompanyParams,
      body: CompanyUpdate,
      responses: {
        200: { description: 'Company', schema: Company },
        403: forbidden,
        404: notFound,
        409: { description: 'Tax code taken, or company suspended', schema: Problem },
      },
      handler: ({ params, body, auth, actor }) => s.update(params.id, body, auth, actor),
    }),
    route({
      method: 'get',
      path: '/work/companies/{id}/members',
      tags,
      summary: 'The company’s staff accounts (owners only)',
      access: 'user',
      params: CompanyParams,
      responses: {
        200: { description: 'Members', schema: CompanyMemberList },
        403: forbidden,
        404: notFound,
      },
      handler: ({ params, auth }) => s.members(params.id, auth),
    }),
    route({
      method: 'post',
      path: '/work/companies/{id}/members',
      tags,
      summary: 'Add a staff account by phone number (owners only); the account gets the employer role',
      access: 'user',
      params: CompanyParams,
      body: MemberAdd,
      responses: {
        201: { description: 'Added', schema: CompanyMember },
        403: forbidden,
        404: { description: 'No account with this phone (`account_not_found`)', schema: Problem },
        409: { description: 'Already a member', schema: Problem },
      },
      handler: ({ params, body, auth, actor }) => s.addMember(params.id, body, auth, actor),
    }),
    route({
      method: 'delete',
      path: '/work/companies/{id}/members/{userId}',
      tags,
      summary: 'Remove a staff account (owners only; the last owner cannot be removed)',
      access: 'user',
      params: MemberParams,
      responses: {
        204: { description: 'Removed' },
        403: forbidden,
        404: notFound,
        409: { description: 'Last owner (`last_owner`)', schema: Problem },
      },
      handler: ({ params, auth, actor }) => s.removeMember(params.id, params.userId, auth, actor),
    }),
  ];
}
