using KubeCore.Common;
using KubeCore.Compliance;
using KubeCore.Loans;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Savings;
using NodaTime;

namespace KubeCore.NationalBatch;

/// <summary>
/// Simulates one group's year through the real library: the hash-chained <see cref="SavingsLedger"/>, meetings in a
/// <see cref="MeetingRegister"/>, the revolving fund <see cref="LoanRevolving"/> (LOAN-01 a lending within the group from
/// the first week, LOAN-01 b the UPK loan after three months of savings and every member's statement, applications,
/// approval at a meeting, disbursement with its <see cref="RepaymentSchedule"/>, LOAN-05 repayments, LOAN-08 tanggung
/// renteng), <see cref="FiveBasicRules"/> every week on the facts <see cref="GroupFacts.Week"/> derives from that record,
/// and <see cref="CollectibilityRules"/> at the end.
/// </summary>
/// <remarks>
/// The synthetic activity (fixed per group by the seed): the group opens its books on a Monday, every member pays a
/// one-off Rp 100.000 into the loan fund (a deposit moved from their savings: the group's own capital, so it can lend from
/// the first meeting, LOAN-01 a) and signs the tanggung renteng statement; at the first monthly check where
/// <see cref="LoanRevolving.AssessUpkAccess"/> approves (three complete months of savings, LOAN-01 b) the UPK lends the
/// KSM Rp 5–11 million into the loan fund (<see cref="LoanRevolving.BorrowFromUpk"/>); every week it meets on Wednesday (most weeks; weak groups skip more), members save the profile's weekly amount
/// (a few miss weeks), the business books a profit every fourth week (IKS share, SAV-06), borrowers pay their weekly
/// installment (good, late or defaulting payers), tanggung renteng covers a loan on Thursday once its borrower has
/// missed the profile's threshold of installments (LOAN-08, in the library's order: the borrower's savings, IKS, the
/// other members pro rata), and whenever the fund may lend (LOAN-01 a, re-assessed monthly: from the first week) and the
/// group has no arrears (LOAN-07) members apply for 3-month weekly loans (first Rp 500.000, then larger repeats within LOAN-02), approved
/// at a meeting with quorum when the fund can lend (LOAN-06).
/// About 6 in 10 members borrow at all; 8 % of groups are weak (fewer meetings, savings and closes, more defaulters)
/// and most of those do not practise tanggung renteng, which is where the Kol 3–5 loans come from.
/// The books are closed on Sunday (late now and then: that week fails FIVE-03 and is closed with the next).
/// </remarks>
internal sealed class GroupSimulator
{
    private const int LoanTermMonths = 3;
    private static readonly Rupiah OwnCapitalPerMember = Rupiah.Of(100_000);
    private const string Purpose = "Modal usaha";

    private readonly BatchOptions _options;
    private readonly ProgramProfile _profile;
    private readonly LocalDate _start;
    private readonly Rupiah _weekly;
    private readonly int _rentengThreshold;

    // Per-group scratch, reused (one simulator per worker).
    private readonly PersonId[] _members;
    private readonly int[] _savePerMille;
    private readonly Payer[] _payer;
    private readonly bool[] _borrows;
    private readonly int[] _activeLoan;
    private readonly int[] _loanCount;
    private readonly List<LoanState> _loans = [];
    private readonly List<int> _toCover = [];
    private readonly AttendanceMark[] _marks;

    public GroupSimulator(BatchOptions options, ProgramProfile profile, LocalDate start)
    {
        _options = options;
        _profile = profile;
        _start = start;
        _weekly = profile.Savings.WeeklySavingsAmount;
        _rentengThreshold = profile.Loans.RentengThresholdMissedInstallments;
        var m = options.Members;
        _members = new PersonId[m];
        _savePerMille = new int[m];
        _payer = new Payer[m];
        _borrows = new bool[m];
        _activeLoan = new int[m];
        _loanCount = new int[m];
        _marks = new AttendanceMark[m];
    }

    private enum Payer
    {
        Good,
        Late,
        Defaulter,
    }

    /// <summary>The as-of date of the year-end figures: the day after the last simulated week.</summary>
    public LocalDate AsOf => _start.PlusWeeks(_options.Weeks);

    /// <summary>Simulates group <paramref name="index"/> and adds its figures to <paramref name="totals"/> and its loans to <paramref name="book"/>.</summary>
    public void Simulate(long index, WorkerTotals totals, LoanBook.Builder book, Breakdown? clock = null)
    {
        clock?.Start();
        var rng = new SplitMix(_options.Seed, index);
        var m = _members.Length;
        for (var i = 0; i < m; i++)
        {
            _members[i] = new PersonId(Ids.Guid(Ids.Person, (index * 64) + i));
        }
        var standing = new BatchGroupStanding(new GroupId(Ids.Guid(Ids.Group, index)), _profile, _members);
        var weak = rng.Chance(80);
        var meetingPerMille = weak ? 800 : 970;
        var closePerMille = weak ? 880 : 985;
        var practisesRenteng = !weak || rng.Chance(400);
        for (var i = 0; i < m; i++)
        {
            _savePerMille[i] = weak ? 850 : rng.Chance(100) ? 900 : 990;
            _payer[i] = rng.Chance(weak ? 60 : 15) ? Payer.Defaulter : rng.Chance(60) ? Payer.Late : Payer.Good;
            _borrows[i] = rng.Chance(600);
            _activeLoan[i] = -1;
            _loanCount[i] = 0;
        }
        _loans.Clear();

        var ledger = SavingsLedger.Open(standing, _start, new EntryId(Ids.Guid(Ids.Entry, index << 32)));
        var fund = LoanRevolving.Open(standing, ledger);
        var register = new MeetingRegister(standing.Id);
        var upkLoan = Rupiah.Of(rng.Between(5, 11) * 1_000_000L);
        var upkBorrowed = false;
        for (var i = 0; i < m; i++)
        {
            // The group's own loan capital: a one-off payment moved from the member's savings into the loan fund.
            ledger.Deposit(HostToday.Of(_start), _start, _members[i], OwnCapitalPerMember, "Simpanan pokok");
            ledger.TransferBetweenFunds(HostToday.Of(_start), _start, LedgerAccount.MemberSavings(_members[i]), LedgerAccount.LoanFund, OwnCapitalPerMember, "Modal pinjaman kelompok");
            totals.OwnCapitalEntries += 2;
            fund.SignJointLiabilityStatement(_members[i], _start);
        }
        var mayLend = false;
        var mayLendMonth = 0;

        for (var w = 0; w < _options.Weeks; w++)
        {
            var weekStart = _start.PlusWeeks(w);
            var day = weekStart.PlusDays(2);
            var week = ledger.WeekOf(day);
            _toCover.Clear();
            var unserved = 0;

            clock?.Mark(Section.WeekSetup);
            // Pertemuan: attendance recorded (FIVE-02).
            Meeting? meeting = null;
            if (rng.Chance(meetingPerMille))
            {
                meeting = Meeting.Open(standing, new MeetingId(Ids.Guid(Ids.Meeting, (index * 1024) + w)), day);
                for (var i = 0; i < m; i++)
                {
                    _marks[i] = new AttendanceMark(_members[i], rng.Chance(900) ? AttendanceStatus.Present : rng.Chance(500) ? AttendanceStatus.Excused : AttendanceStatus.Absent);
                }
                meeting.RecordAttendance(_marks);
                register.Add(meeting);
                totals.Meetings++;
                if (meeting.HasQuorum)
                {
                    totals.MeetingsWithQuorum++;
                }
            }

            clock?.Mark(Section.Meeting);
            // Tabungan (FIVE-01, SAV-04).
            for (var i = 0; i < m; i++)
            {
                if (rng.Chance(_savePerMille[i]))
                {
                    ledger.Deposit(HostToday.Of(day), day, _members[i], _weekly);
                    totals.Deposits++;
                    totals.DepositedRupiah += _weekly.Amount;
                }
            }

            clock?.Mark(Section.Deposits);
            // The group business books a profit every fourth week; the IKS share is set aside (SAV-06).
            if (w % 4 == 3)
            {
                ledger.RecordBusinessProfit(HostToday.Of(day), day, Rupiah.Of(rng.Between(200, 1_500) * 1_000L));
                totals.BusinessProfits++;
            }

            clock?.Mark(Section.BusinessProfit);
            // Angsuran (FIVE-05, LOAN-05).
            for (var i = 0; i < m; i++)
            {
                if (_activeLoan[i] < 0)
                {
                    continue;
                }
                var loan = _loans[_activeLoan[i]];
                var account = loan.Loan.Account!;
                var number = account.Schedule.CountDueOnOrBefore(day);
                if (number == 0 || number == loan.LastDueReported)
                {
                    continue;
                }
                loan.LastDueReported = number;
                var pays = _payer[i] switch
                {
                    Payer.Good => rng.Chance(995),
                    Payer.Late => rng.Chance(700),
                    _ => number <= loan.StopsAfter,
                };
                var owed = OwedThrough(account, number);
                if (pays && owed.IsPositive)
                {
                    fund.Repay(HostToday.Of(day), loan.Id, day, owed);
                    totals.Repayments++;
                }
                else
                {
                    var overdueAfterToday = account.StatusAsOf(day).InstallmentsOverdue + 1;
                    if (practisesRenteng && overdueAfterToday >= _rentengThreshold)
                    {
                        _toCover.Add(i);
                    }
                }
            }

            clock?.Mark(Section.Installments);
            // Perguliran (FIVE-04, LOAN-01, LOAN-02, LOAN-03, LOAN-06, LOAN-07): LOAN-01 counts whole months, so both
            // gates are re-assessed when a month begins: (a) lending within the group (from the first week in every
            // built-in profile) and, until the KSM has borrowed, (b) the UPK loan.
            if (day.Month != mayLendMonth)
            {
                mayLendMonth = day.Month;
                mayLend = fund.CanLend(day); // MayLend(day).IsApproved, without building the decision
                if (!upkBorrowed && fund.AssessUpkAccess(day).IsApproved)
                {
                    fund.BorrowFromUpk(HostToday.Of(day), day, upkLoan, "Pinjaman UPK");
                    upkBorrowed = true;
                    totals.UpkLoans++;
                    totals.UpkLoanWeeks += w + 1;
                    totals.UpkLoanRupiah += upkLoan.Amount;
                }
            }
            // LOAN-07: a group with arrears lends to nobody; its members wait (the library would refuse them).
            var groupInArrears = false;
            for (var i = 0; i < m && !groupInArrears; i++)
            {
                groupInArrears = _activeLoan[i] >= 0 && _loans[_activeLoan[i]].Loan.HasArrearsAsOf(day);
            }
            if (mayLend && !groupInArrears)
            {
                for (var i = 0; i < m; i++)
                {
                    if (!_borrows[i] || _activeLoan[i] >= 0 || fund.ReferralOf(_members[i]) is not null || !rng.Chance(60))
                    {
                        continue;
                    }
                    var principal = Rupiah.Of(_loanCount[i] == 0
                        ? _profile.Loans.FirstLoanCeiling.Amount
                        : Math.Min(_profile.Loans.RepeatLoanCeiling.Amount, _profile.Loans.FirstLoanCeiling.Amount * (_loanCount[i] + 1)));
                    if (fund.AvailableToLend < principal)
                    {
                        continue; // the fund could not serve it: not an unserved request in FIVE-04's sense
                    }
                    if (meeting is not { HasQuorum: true })
                    {
                        unserved++;
                        continue;
                    }
                    var application = new LoanApplication(new LoanId(Ids.Guid(Ids.Loan, (index * 65536) + fund.Loans.Count)), _members[i], principal, LoanTermMonths, InstallmentFrequency.Weekly, Purpose, day);
                    Loan loan;
                    try
                    {
                        // LOAN-07: a member who still owes a tanggung renteng recovery is refused; ask for the decision
                        // rather than have Apply throw (the violations are the same, an exception is far dearer).
                        if (fund.RecoveryOwedBy(_members[i]).IsPositive && fund.AssessApplication(application) is { IsApproved: false } refusal)
                        {
                            Refused(totals, refusal.Violations);
                            continue;
                        }
                        loan = fund.Apply(application);
                    }
                    catch (RuleViolationException refused)
                    {
                        Refused(totals, refused.Violations);
                        continue;
                    }
                    var approver = _members[i] == _members[0] ? _members[1] : _members[0];
                    fund.Approve(loan.Id, meeting.ApproveLoan(loan.Id), approver);
                    fund.Disburse(HostToday.Of(day), loan.Id, day);
                    _activeLoan[i] = _loans.Count;
                    _loans.Add(new LoanState(loan, i)
                    {
                        StopsAfter = _payer[i] == Payer.Defaulter ? rng.Between(0, loan.Schedule!.Count) : int.MaxValue,
                    });
                    _loanCount[i]++;
                    totals.Disbursements++;
                    totals.DisbursedRupiah += principal.Amount;
                    if (!upkBorrowed)
                    {
                        totals.DisbursementsBeforeUpkLoan++;
                    }
                    if (w == 0)
                    {
                        totals.FirstWeekDisbursements++;
                    }
                }
            }
            totals.UnservedRequests += unserved;

            clock?.Mark(Section.Lending);
            // Tanggung renteng on Thursday (LOAN-08): the week's missed installment is then overdue too.
            var coverDay = day.PlusDays(1);
            foreach (var i in _toCover)
            {
                var loan = _loans[_activeLoan[i]];
                RentengCover cover;
                try
                {
                    cover = fund.CoverArrears(HostToday.Of(coverDay), loan.Id, coverDay);
                }
                catch (RuleViolationException)
                {
                    continue; // nothing left to cover with
                }
                totals.RentengCovers++;
                totals.RentengSteps += cover.Steps.Count;
            }

            clock?.Mark(Section.Renteng);
            // Repaid loans free their borrower for a new one.
            for (var i = 0; i < m; i++)
            {
                if (_activeLoan[i] >= 0 && !_loans[_activeLoan[i]].Loan.IsOpen)
                {
                    _activeLoan[i] = -1;
                }
            }

            // Pembukuan: the week is closed on Sunday (FIVE-03, SAV-05), now and then late.
            if (rng.Chance(closePerMille))
            {
                var closeDay = weekStart.PlusDays(6);
                while (ledger.NextWeekToClose <= week)
                {
                    ledger.CloseWeek(HostToday.Of(closeDay), ledger.NextWeekToClose, closeDay);
                    totals.WeekCloses++;
                }
            }

            clock?.Mark(Section.WeekClose);
            // The week's facts as the library reads the record (GroupFacts, the conventions of FIVE-01..05). A member who
            // wanted a loan in a week without a quorum meeting never applied, so the record holds no such request: the
            // batch adds those it turned away itself.
            var groupWeek = GroupFacts.Week(standing, register, ledger, fund, week);
            if (unserved > 0)
            {
                groupWeek = groupWeek with { UnservedRequests = groupWeek.UnservedRequests + unserved };
            }
            clock?.Mark(Section.WeekFacts);
            totals.Tally(FiveBasicRules.Check(groupWeek, _profile));
            clock?.Mark(Section.FiveBasicRules);
        }

        // Year end: collectibility per loan (COL-01) and the loans into the batch's loan book (PORT-01).
        var asOf = AsOf;
        foreach (var state in _loans)
        {
            var loan = state.Loan;
            var status = loan.StatusAsOf(asOf);
            if (status.OutstandingPrincipal.IsPositive)
            {
                var kol = (int)CollectibilityRules.Classify(status, CollectibilityScheme.InstallmentsOverdue, _profile.Collectibility) - 1;
                totals.KolLoans[kol]++;
                totals.KolPrincipal[kol] += status.OutstandingPrincipal.Amount;
            }
            book.Add(loan.Account!);
        }

        if (!ledger.CheckConservation())
        {
            totals.ConservationFailures++;
        }
        if (index % _options.VerifyEvery == 0)
        {
            totals.ChainsVerified++;
            if (!ledger.VerifyChain().IsIntact)
            {
                totals.ChainFailures++;
            }
        }
        totals.Entries += ledger.Count;
        totals.Groups++;
        clock?.Mark(Section.YearEnd);
    }

    private static void Refused(WorkerTotals totals, IReadOnlyList<RuleViolation> violations)
    {
        totals.RefusedApplications++; // e.g. LOAN-07: the member still owes a tanggung renteng recovery
        foreach (var v in violations)
        {
            totals.RefusalCodes[v.ErrorCode] = totals.RefusalCodes.GetValueOrDefault(v.ErrorCode) + 1;
        }
    }

    /// <summary>What the borrower owes for installments 1..<paramref name="number"/> (jasa and principal), less what was paid.</summary>
    private static Rupiah OwedThrough(LoanAccount account, int number)
    {
        long due = 0;
        var installments = account.Schedule.Installments;
        for (var k = 0; k < number; k++)
        {
            due += installments[k].Amount.Amount;
        }
        return Rupiah.Of(Math.Max(0, due - account.PrincipalRepaid.Amount - account.ServiceChargePaid.Amount));
    }

    private sealed class LoanState(Loan loan, int borrower)
    {
        public Loan Loan { get; } = loan;

        public LoanId Id => Loan.Id;

        public int Borrower { get; } = borrower;

        public int LastDueReported { get; set; }

        public int StopsAfter { get; init; }
    }
}
