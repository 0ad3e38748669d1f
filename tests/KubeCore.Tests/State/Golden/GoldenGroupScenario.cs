using KubeCore.Aid;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Households;
using KubeCore.Loans;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.Tests.Support;
using KubeCore.WealthRanking;
using NodaTime;

namespace KubeCore.Tests.State.Golden;

/// <summary>
/// Everything a host stores for one group, as one JSON document: the households and persons of the members, the group,
/// its meeting register, its savings ledger, its revolving fund and its LPJ reports. Each part is the aggregate's own
/// state (<c>ToState()</c>); a host would usually keep them in separate tables.
/// </summary>
public sealed record GoldenGroupFile(
    IReadOnlyList<HouseholdState> Households,
    IReadOnlyList<PersonState> Persons,
    GroupState Group,
    MeetingRegisterState Meetings,
    LedgerState Ledger,
    LoanRevolvingState Fund,
    IReadOnlyList<AccountabilityReportState> Reports);

/// <summary>The live aggregates of one group, restored or built.</summary>
public sealed record GoldenGroup(
    IReadOnlyList<Household> Households,
    IReadOnlyList<Person> Persons,
    Group Group,
    MeetingRegister Meetings,
    SavingsLedger Ledger,
    LoanRevolving Fund,
    IReadOnlyList<AccountabilityReport> Reports)
{
    /// <summary>Every part's state, in the file's shape.</summary>
    public GoldenGroupFile ToFile() => new(
        Households.Select(h => h.ToState()).ToArray(),
        Persons.Select(p => p.ToState()).ToArray(),
        Group.ToState(),
        Meetings.ToState(),
        Ledger.ToState(),
        Fund.ToState(),
        Reports.Select(r => r.ToState()).ToArray());

    /// <summary>
    /// Restores every part, in the order the parts reference each other: group, then meetings and ledger (on the group),
    /// then the fund (on the ledger). The README's "Persisting KubeCore" example is this method: keep them in sync (a test
    /// checks that the README holds the lines between the markers).
    /// </summary>
    public static GoldenGroup Restore(GoldenGroupFile stored)
    {
        // README: restore (begin)
        ProfileResolver profiles = ProgramProfiles.Resolve; // or your own: id "Code@Version" → ProgramProfile
        var households = stored.Households.Select(Household.Restore).ToList();
        var persons = stored.Persons.Select(Person.Restore).ToList();
        var group = Group.Restore(stored.Group, profiles);
        var meetings = MeetingRegister.Restore(stored.Meetings, group, profiles);
        var ledger = SavingsLedger.Restore(stored.Ledger, group);          // verifies every entry's hash and the chain
        var fund = LoanRevolving.Restore(stored.Fund, ledger, group);      // checks every entry it names is in the ledger
        var reports = stored.Reports.Select(AccountabilityReport.Restore).ToList();
        // README: restore (end)
        return new GoldenGroup(households, persons, group, meetings, ledger, fund, reports);
    }
}

/// <summary>
/// The golden scenario: a KUBE of ten women in Pahandut, Palangka Raya, under <c>KubePermensos2019@1</c>, through one
/// year of weekly meetings (attendance recorded), weekly savings and week closes; two loans from its revolving fund
/// (one repaid in full, one in arrears after a tanggung renteng cover); a Rp 20 jt aid grant credited, spent against
/// receipts and accounted for in an LPJ submitted on time. Built only with the public library API; every id is fixed, so
/// the scenario is the same on every run.
/// </summary>
public static class GoldenGroupScenario
{
    public const int MemberCount = 10;

    public const int Weeks = 52;

    public static readonly ProgramProfile Profile = ProgramProfiles.KubePermensos2019;

    public static readonly RegionCode Desa = RegionCode.Parse("62.71.01.1001");

    /// <summary>Monday 6 January 2020: the proposal.</summary>
    public static readonly LocalDate ProposedOn = new(2020, 1, 6);

    /// <summary>Monday 10 February 2020: activation, and the books open (week 0 starts).</summary>
    public static readonly LocalDate BooksOpenOn = new(2020, 2, 10);

    public static readonly GroupId TheGroupId = new(Guid.Parse("6b75be00-0000-4000-8000-000000000001"));

    /// <summary>The ledger's opening entry id, chosen by the host; every later entry id is derived from it.</summary>
    public static readonly EntryId OpeningId = new(Guid.Parse("6b75be00-0000-4000-8000-0000000000e1"));

    public static readonly LoanId RepaidLoan = new(Guid.Parse("6b75be00-0000-4000-8000-00000000a001"));

    public static readonly LoanId DefaultedLoan = new(Guid.Parse("6b75be00-0000-4000-8000-00000000a002"));

    /// <summary>Week of the first loan (applied, approved and disbursed on its Monday).</summary>
    public const int RepaidLoanWeek = 4;

    /// <summary>Week of the second loan; its borrower pays two installments, then nothing.</summary>
    public const int DefaultedLoanWeek = 20;

    /// <summary>Week whose Monday the arrears of the second loan are covered jointly (its installments 3 to 5 overdue).</summary>
    public const int CoverWeek = 26;

    public const int GrantWeek = 8;

    /// <summary>The LPJ is submitted on its due date (21 days after the grant): on time, at the boundary.</summary>
    public const int LpjSubmittedWeek = 11;

    private static readonly string[] Names =
    [
        "Siti Aminah", "Rusmini", "Marlina Sari", "Yuliana Tingang", "Endang Lestari",
        "Nurhayati", "Sri Wahyuni", "Rina Ambun", "Dewi Kartika", "Sumiati",
    ];

    /// <summary>The Monday that starts week <paramref name="week"/> (0 = the week the books open).</summary>
    public static LocalDate WeekStart(int week) => BooksOpenOn.PlusWeeks(week);

    /// <summary>The member who misses week <paramref name="week"/>'s meeting and saving (none in three weeks of four).</summary>
    public static int? AbsentIn(int week) => week % 4 == 2 ? (week / 4) % MemberCount : null;

    public static MeetingId MeetingOf(int week) => new(Id(0x3000 + week));

    public static GoldenGroup Build()
    {
        var households = new List<Household>();
        var persons = new List<Person>();
        var dossiers = new List<MemberDossier>();
        var kecamatan = Desa.AtLevel(RegionLevel.District);
        for (var i = 0; i < MemberCount; i++)
        {
            var household = Household.Register(new HouseholdId(Id(0x1000 + i)), FamilyCardNumber.Parse($"627101{100200 + i:000000}{i + 1:0000}"), Desa, 3 + (i % 4));
            var birth = new LocalDate(1975 + (i * 2), 1 + i, 3 + i);
            var person = Person.Register(new PersonId(Id(0x2000 + i)), household.Id, Names[i],
                Nik.Parse(Generators.NikDigits(kecamatan, Sex.Female, birth, i + 1)), Sex.Female, birth,
                HouseholdRole.Head, i % 2 == 0 ? Employment.Trader : Employment.Farmer, MaritalStatus.Married);
            households.Add(household);
            persons.Add(person);
            dossiers.Add(new MemberDossier(person, household, EvidenceOn(ProposedOn)));
        }
        var members = persons.Select(p => p.Id).ToArray();
        var (ketua, sekretaris, bendahara) = (members[0], members[1], members[2]);

        // Formation (GRP-01..07): proposal, officers and initial meeting, verification, activation, bank account.
        var formedOn = ProposedOn.PlusWeeks(1);
        var group = Group.Propose(new ProposeGroup(TheGroupId, Profile, "KUBE Karya Bersama", Desa, ProposedOn, formedOn, dossiers,
            members.Select(m => new MemberConsent(m, ProposedOn)).ToArray()));
        group.ElectOfficers(new ElectOfficers(formedOn,
            [new(OfficerRole.Ketua, ketua), new(OfficerRole.Sekretaris, sekretaris), new(OfficerRole.Bendahara, bendahara)], null, members));
        group.HoldInitialMeeting(formedOn);
        var verifiedOn = new LocalDate(2020, 2, 5);
        group.Verify(new VerifyGroup("Siti Rahmawati", "Dinas Sosial Kota Palangka Raya", verifiedOn,
            dossiers.Select(d => new MemberDossier(d.Person, d.Household, EvidenceOn(verifiedOn))).ToArray()));
        group.Activate(BooksOpenOn);
        group.OpenBankAccount(new OpenBankAccount("BRI", "006201000123305", "KUBE Karya Bersama", BooksOpenOn));

        var register = new MeetingRegister(group.Id);
        var ledger = SavingsLedger.Open(group, BooksOpenOn, OpeningId, "BA-PEMBENTUKAN-01");
        var fund = LoanRevolving.Open(group, ledger);
        AccountabilityReport? lpj = null;

        for (var week = 0; week < Weeks; week++)
        {
            var monday = WeekStart(week);
            var today = HostToday.Of(monday);
            if (week > 0)
            {
                ledger.CloseWeek(today, ledger.NextWeekToClose, monday);
            }

            // The weekly meeting: everyone present, one member late in odd weeks, one absent in some weeks.
            var absent = AbsentIn(week);
            var meeting = Meeting.Open(group, MeetingOf(week), monday, "pertemuan rutin mingguan");
            meeting.RecordAttendance(members.Select((m, i) => new AttendanceMark(m,
                i == absent ? AttendanceStatus.Absent : week % 2 == 1 && i == MemberCount - 1 ? AttendanceStatus.Late : AttendanceStatus.Present)));
            register.Add(meeting);

            // Savings: Rp 5.000 each (the profile's weekly amount); Rp 10.000 from the ketua in the first week of a month.
            for (var i = 0; i < MemberCount; i++)
            {
                if (i != absent)
                {
                    var amount = i == 0 && monday.Day <= 7 ? 10_000 : 5_000;
                    ledger.Deposit(today, monday, members[i], Rupiah.Of(amount), $"TAB-{week + 1:00}-{i + 1:00}");
                }
            }

            switch (week)
            {
                case 0:
                    ledger.AddLoanCapital(today, monday, Rupiah.Of(1_500_000), "modal dana bergulir dari iuran awal");
                    break;
                case 2:
                    foreach (var member in members)
                    {
                        fund.SignJointLiabilityStatement(member, monday, "Surat pernyataan tanggung renteng 01/KKB/2020");
                    }
                    break;
                case RepaidLoanWeek:
                    Lend(fund, meeting, RepaidLoan, members[5], 500_000, monday, "modal warung sembako", ketua);
                    break;
                case GrantWeek:
                    var grant = AidGrants.AmountFor(group, monday)!.Value;
                    ledger.CreditGrant(today, monday, grant, "SP2D Dinsos 2020/0417");
                    lpj = AccountabilityReport.Open(group.Id, grant, monday, Profile);
                    meeting.Decide(DecisionKind.Other, "rencana penggunaan bantuan: sapi, pakan, kandang");
                    break;
                case 9:
                    Spend(ledger, lpj!, monday, SpendCategory.Livestock, 12_000_000, "KW-2020-001", "4 ekor sapi bakalan");
                    break;
                case 10:
                    Spend(ledger, lpj!, monday, SpendCategory.RawMaterials, 5_000_000, "KW-2020-002", "pakan ternak 6 bulan");
                    Spend(ledger, lpj!, monday, SpendCategory.Equipment, 3_000_000, "KW-2020-003", "bahan kandang");
                    break;
                case LpjSubmittedWeek:
                    lpj!.Submit(monday);
                    break;
                case 18:
                    // The later defaulter takes most of her savings out for school fees.
                    ledger.Withdraw(today, monday, members[6], Rupiah.Of(80_000), "biaya sekolah");
                    break;
                case 22:
                    ledger.SpendIks(today, monday, Rupiah.Of(100_000), IksPurpose.SocialNeed, "santunan duka anggota", members[3], "IKS-2020-01");
                    break;
                case DefaultedLoanWeek:
                    Lend(fund, meeting, DefaultedLoan, members[6], 400_000, monday, "modal kerajinan rotan", ketua);
                    break;
                case CoverWeek:
                    fund.CoverArrears(today, DefaultedLoan, monday);
                    break;
            }

            // Business profit every fourth week (10 % to IKS, SAV-03).
            if (week % 4 == 3)
            {
                ledger.RecordBusinessProfit(today, monday, Rupiah.Of(250_000), $"LABA-{week / 4 + 1:00}");
            }

            // Repayments on their due dates: the first loan in full, the second only its first two installments.
            foreach (var loan in fund.Loans.Where(l => l.Schedule is not null))
            {
                foreach (var installment in loan.Schedule!.Installments.Where(x => x.DueDate >= monday && x.DueDate < monday.PlusWeeks(1)))
                {
                    if (loan.Id == RepaidLoan || installment.Number <= 2)
                    {
                        fund.Repay(HostToday.Of(installment.DueDate), loan.Id, installment.DueDate, installment.Amount);
                    }
                }
            }
        }
        // The last week is closed on the Monday after it.
        ledger.CloseWeek(HostToday.Of(WeekStart(Weeks)), ledger.NextWeekToClose, WeekStart(Weeks));

        group.TakeChanges();
        register.TakeChanges();
        ledger.TakeChanges();
        fund.TakeChanges();
        lpj!.TakeChanges();
        return new GoldenGroup(households, persons, group, register, ledger, fund, [lpj]);
    }

    private static void Lend(LoanRevolving fund, Meeting meeting, LoanId id, PersonId borrower, long principal, LocalDate date, string purpose, PersonId approver)
    {
        fund.Apply(new LoanApplication(id, borrower, Rupiah.Of(principal), 3, InstallmentFrequency.Weekly, purpose, date));
        fund.Approve(id, meeting.ApproveLoan(id), approver);
        fund.Disburse(HostToday.Of(date), id, date);
    }

    private static void Spend(SavingsLedger ledger, AccountabilityReport lpj, LocalDate date, SpendCategory category, long amount, string receipt, string description)
    {
        ledger.SpendGrant(HostToday.Of(date), date, Rupiah.Of(amount), receipt, category.ToString());
        lpj.RecordSpend(new AidSpend(date, category, Rupiah.Of(amount), receipt, description));
    }

    private static PovertyEvidence EvidenceOn(LocalDate asOf) => new(
        new RegistryEntry(RegistrySource.Dtks, 1, asOf.PlusDays(-30)),
        new PraRanking(new ExerciseId(Id(0x4000)), new LocalDate(2019, 11, 4), WealthCategory.Miskin, IsPoor: true, ConfirmedByRegistry: true),
        OnPs2List: false);

    /// <summary>A fixed id of the scenario.</summary>
    public static Guid Id(int n) => Guid.Parse($"6b75be00-0000-4000-8000-{n:x12}");
}
