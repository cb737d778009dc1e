import { describe, expect, it } from 'vitest';
import { lastApprover } from '../../shared/domain/referatLocker';

describe('hvis bærbar låser et delt referat, når alle har godkendt', () => {
  const owners = ['skoleleder', 'tr', 'amr'];

  it('ingen, så længe en dagsordensejer mangler at godkende', () => {
    expect(lastApprover(owners, [])).toBeNull();
    expect(lastApprover(owners, [{ personId: 'skoleleder', approvedAt: '2026-12-01T10:00:00.000Z' }, { personId: 'tr', approvedAt: '2026-12-01T11:00:00.000Z' }])).toBeNull();
    expect(lastApprover([], [{ personId: 'tr', approvedAt: '2026-12-01T11:00:00.000Z' }])).toBeNull();
  });

  it('den, der godkendte sidst; en godkendelse fra en, der ikke er ejer, tæller ikke', () => {
    const given = [
      { personId: 'amr', approvedAt: '2026-12-01T09:00:00.000Z' },
      { personId: 'tr', approvedAt: '2026-12-01T12:00:00.000Z' },
      { personId: 'skoleleder', approvedAt: '2026-12-01T10:00:00.000Z' },
      { personId: 'gæst', approvedAt: '2026-12-02T10:00:00.000Z' },
    ];
    expect(lastApprover(owners, given)).toBe('tr');
  });

  it('samme person på hver bærbar, uanset rækkefølgen, også når to godkendte i samme øjeblik', () => {
    const at = '2026-12-01T12:00:00.000Z';
    const given = [
      { personId: 'skoleleder', approvedAt: '2026-12-01T10:00:00.000Z' },
      { personId: 'tr', approvedAt: at },
      { personId: 'amr', approvedAt: at },
    ];
    expect(lastApprover(owners, given)).toBe('tr');
    expect(lastApprover(owners, [...given].reverse())).toBe('tr');
  });
});
