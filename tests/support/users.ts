import type { MemberKind, PublicUser, Role } from '../../shared/schemas/auth';
import { agreeToPledge } from './pledge';
import { recordReadiness } from './readiness';
import type { TestApp } from './testApp';

export const PASSWORD = 'correct horse battery staple';

export interface People {
  staff: PublicUser;
  volunteer: PublicUser;
  lawyer: PublicUser;
  student: PublicUser;
}

/** One account per role, made through the same service the admin command uses, each having agreed to the pledge (the volunteer current). */
export async function createPeople(app: TestApp): Promise<People> {
  const make = (email: string, firstName: string, role: Role, memberKind: MemberKind | null) =>
    app.services.auth.createUser({ email, firstName, role, memberKind, password: PASSWORD });
  const [staff, volunteer, lawyer, student] = await Promise.all([
    make('staff@example.ca', 'Sasha', 'staff', null),
    make('volunteer@example.ca', 'Val', 'volunteer', null),
    make('lawyer@example.ca', 'Lee', 'member', 'lawyer'),
    make('student@example.ca', 'Sam', 'member', 'articling_student'),
  ]);
  await agreeToPledge(app, staff!.id, volunteer!.id, lawyer!.id, student!.id);
  await recordReadiness(app, volunteer!.id);
  return { staff: staff!, volunteer: volunteer!, lawyer: lawyer!, student: student! };
}
