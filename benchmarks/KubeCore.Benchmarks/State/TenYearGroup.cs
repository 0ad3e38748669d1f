using System.Text.Json;
using KubeCore.Common;
using KubeCore.Groups;
using KubeCore.Households;
using KubeCore.Loans;
using KubeCore.Meetings;
using KubeCore.Rules;
using KubeCore.Savings;
using KubeCore.WealthRanking;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace KubeCore.Benchmarks.State;

/// <summary>
/// One KUBE's ten years, built with the library's public API and stored as a host stores it: the JSON of each part's state
/// (households, persons, group, meeting register, ledger, fund). 10 members; 520 weekly meetings with attendance, 520
/// weeks of savings by everyone and 520 week closes; a business profit every fourth week; 40 loans (one a quarter, 3
/// months weekly, repaid on their due dates). About 6 400 ledger entries.
/// </summary>
public sealed class TenYearGroup
{
    /// <summary>Members of the group.</summary>
    public const int Members = 10;

    /// <summary>Weeks of history.</summary>
    public const int Weeks = 520;

    /// <summary>Loans over the ten years (one every 13 weeks).</summary>
    public const int Loans = 40;

    /// <summary>The host's JSON options: System.Text.Json plus NodaTime.</summary>
    public static JsonSerializerOptions Options { get; } = new JsonSerializerOptions().ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    private static readonly ProgramProfile Profile = ProgramProfiles.KubePermensos2019;
    private static readonly RegionCode Desa = RegionCode.Parse("62.71.01.1001");
    private static readonly LocalDate ProposedOn = new(2020, 1, 6);
    private static readonly LocalDate BooksOpenOn = new(2020, 2, 10);

    private TenYearGroup(JsonSerializerOptions options, string households, string persons, string group, string meetings, string ledger, string fund, int entries)
    {
        JsonOptions = options;
        HouseholdsJson = households;
        PersonsJson = persons;
        GroupJson = group;
        MeetingsJson = meetings;
        LedgerJson = ledger;
        FundJson = fund;
        LedgerEntries = entries;
    }

    /// <summary>The options the parts were written with (and are read with).</summary>
    public JsonSerializerOptions JsonOptions { get; }

    /// <summary>
    /// The host's options leaving null members out (<see cref="System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull"/>):
    /// a smaller document that reads back to the same states.
    /// </summary>
    public static JsonSerializerOptions OptionsWithoutNulls { get; } = new(Options) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The members' households, as a JSON array of <see cref="HouseholdState"/>.</summary>
    public string HouseholdsJson { get; }

    /// <summary>The members, as a JSON array of <see cref="PersonState"/>.</summary>
    public string PersonsJson { get; }

    /// <summary>The group's <see cref="GroupState"/>.</summary>
    public string GroupJson { get; }

    /// <summary>The <see cref="MeetingRegisterState"/>.</summary>
    public string MeetingsJson { get; }

    /// <summary>The <see cref="LedgerState"/>.</summary>
    public string LedgerJson { get; }

    /// <summary>The <see cref="LoanRevolvingState"/>.</summary>
    public string FundJson { get; }

    /// <summary>Entries in the ledger.</summary>
    public int LedgerEntries { get; }

    /// <summary>Every part's JSON, in characters.</summary>
    public long JsonChars => (long)HouseholdsJson.Length + PersonsJson.Length + GroupJson.Length + MeetingsJson.Length + LedgerJson.Length + FundJson.Length;

    /// <summary>The parts deserialized, for restore-only measurements.</summary>
    public Parts Deserialize() => new(
        JsonSerializer.Deserialize<HouseholdState[]>(HouseholdsJson, JsonOptions)!,
        JsonSerializer.Deserialize<PersonState[]>(PersonsJson, JsonOptions)!,
        JsonSerializer.Deserialize<GroupState>(GroupJson, JsonOptions)!,
        JsonSerializer.Deserialize<MeetingRegisterState>(MeetingsJson, JsonOptions)!,
        JsonSerializer.Deserialize<LedgerState>(LedgerJson, JsonOptions)!,
        JsonSerializer.Deserialize<LoanRevolvingState>(FundJson, JsonOptions)!);

    /// <summary>The same states written with <paramref name="options"/>.</summary>
    public TenYearGroup WrittenWith(JsonSerializerOptions options)
    {
        var parts = Deserialize();
        return new TenYearGroup(options,
            JsonSerializer.Serialize(parts.Households, options), JsonSerializer.Serialize(parts.Persons, options), JsonSerializer.Serialize(parts.Group, options),
            JsonSerializer.Serialize(parts.Meetings, options), JsonSerializer.Serialize(parts.Ledger, options), JsonSerializer.Serialize(parts.Fund, options), LedgerEntries);
    }

    /// <summary>Deserializes and restores every part: what a host does to load the group.</summary>
    public LoanRevolving LoadFromJson() => Deserialize().Restore();

    /// <summary>The deserialized states of one group.</summary>
    public sealed record Parts(HouseholdState[] Households, PersonState[] Persons, GroupState Group, MeetingRegisterState Meetings, LedgerState Ledger, LoanRevolvingState Fund)
    {
        /// <summary>Restores every part in order (group, meetings, ledger, fund); returns the fund (it holds the ledger and the group).</summary>
        public LoanRevolving Restore()
        {
            foreach (var household in Households)
            {
                Household.Restore(household);
            }
            foreach (var person in Persons)
            {
                Person.Restore(person);
            }
            var group = KubeCore.Groups.Group.Restore(Group, ProgramProfiles.Resolve);
            var meetings = MeetingRegister.Restore(Meetings, group, ProgramProfiles.Resolve);
            var ledger = SavingsLedger.Restore(Ledger, group);
            var fund = LoanRevolving.Restore(Fund, ledger, group);
            return meetings.Meetings.Count == Weeks ? fund : throw new InvalidOperationException("The register lost meetings.");
        }
    }

    /// <summary>The live aggregates after one week of the history, for a host that stores them as it goes.</summary>
    /// <param name="Number">The week just done, from 0 (week 0 also holds the formation, the opening and the loan capital).</param>
    /// <param name="Monday">The week's meeting day.</param>
    /// <param name="Group">The group.</param>
    /// <param name="Meetings">Its meeting register.</param>
    /// <param name="Ledger">Its savings ledger.</param>
    /// <param name="Fund">Its revolving loan fund (on <paramref name="Ledger"/>).</param>
    public sealed record Week(int Number, LocalDate Monday, Group Group, MeetingRegister Meetings, SavingsLedger Ledger, LoanRevolving Fund);

    /// <summary>Builds the ten years (a few seconds) and stores every part as JSON.</summary>
    /// <param name="afterEachWeek">
    /// Called with the live aggregates at the end of each week, so a host can store the history week by week with its own
    /// write path (<c>TakeChanges</c>); null for none.
    /// </param>
    public static TenYearGroup Build(Action<Week>? afterEachWeek = null)
    {
        var households = new List<Household>();
        var persons = new List<Person>();
        var dossiers = new List<MemberDossier>();
        for (var i = 0; i < Members; i++)
        {
            var household = Household.Register(new HouseholdId(Ids.Guid(20, i)), FamilyCardNumber.Parse($"627101{300000 + i:000000}{i + 1:0000}"), Desa, 4);
            var birth = new LocalDate(1980 + i, 1 + i, 5 + i);
            var nik = $"627101{birth.Day + 40:00}{birth.Month:00}{birth.Year % 100:00}{i + 1:0000}";
            var person = Person.Register(new PersonId(Ids.Guid(21, i)), household.Id, $"Anggota {i + 1}", Nik.Parse(nik), Sex.Female, birth,
                HouseholdRole.Head, Employment.Trader, MaritalStatus.Married);
            households.Add(household);
            persons.Add(person);
            dossiers.Add(new MemberDossier(person, household, Evidence(ProposedOn)));
        }
        var members = persons.Select(p => p.Id).ToArray();
        var formedOn = ProposedOn.PlusWeeks(1);
        var group = Group.Propose(new ProposeGroup(new GroupId(Ids.Guid(22, 1)), Profile, "KUBE Sepuluh Tahun", Desa, ProposedOn, formedOn, dossiers,
            members.Select(m => new MemberConsent(m, ProposedOn)).ToArray()));
        group.ElectOfficers(new ElectOfficers(formedOn,
            [new(OfficerRole.Ketua, members[0]), new(OfficerRole.Sekretaris, members[1]), new(OfficerRole.Bendahara, members[2])], null, members));
        group.HoldInitialMeeting(formedOn);
        var verifiedOn = BooksOpenOn.PlusDays(-5);
        group.Verify(new VerifyGroup("Verifikator", "Dinas Sosial Kota Palangka Raya", verifiedOn,
            dossiers.Select(d => new MemberDossier(d.Person, d.Household, Evidence(verifiedOn))).ToArray()));
        group.Activate(BooksOpenOn);

        var register = new MeetingRegister(group.Id);
        var ledger = SavingsLedger.Open(group, BooksOpenOn, new EntryId(Ids.Guid(23, 1)));
        var fund = LoanRevolving.Open(group, ledger);
        for (var week = 0; week < Weeks; week++)
        {
            var monday = BooksOpenOn.PlusWeeks(week);
            var today = HostToday.Of(monday);
            if (week > 0)
            {
                ledger.CloseWeek(today, ledger.NextWeekToClose, monday);
            }
            var meeting = Meeting.Open(group, new MeetingId(Ids.Guid(24, week)), monday, "pertemuan rutin mingguan");
            meeting.RecordAttendance(members.Select((m, i) => new AttendanceMark(m, (week + i) % 7 == 0 ? AttendanceStatus.Absent : AttendanceStatus.Present)));
            register.Add(meeting);
            foreach (var member in members)
            {
                ledger.Deposit(today, monday, member, Rupiah.Of(5_000), "tabungan rutin mingguan");
            }
            if (week == 0)
            {
                ledger.AddLoanCapital(today, monday, Rupiah.Of(2_000_000), "modal dana bergulir");
                foreach (var member in members)
                {
                    fund.SignJointLiabilityStatement(member, monday, "pernyataan tanggung renteng");
                }
            }
            if (week % 4 == 3)
            {
                ledger.RecordBusinessProfit(today, monday, Rupiah.Of(250_000), "laba usaha");
            }
            if (week % 13 == 2 && week / 13 < Loans)
            {
                var n = week / 13;
                var id = new LoanId(Ids.Guid(25, n));
                var borrower = members[n % Members];
                fund.Apply(new LoanApplication(id, borrower, Rupiah.Of(500_000), 3, InstallmentFrequency.Weekly, "modal usaha", monday));
                fund.Approve(id, meeting.ApproveLoan(id), borrower == members[0] ? members[1] : members[0]);
                fund.Disburse(today, id, monday);
            }
            foreach (var loan in fund.Loans.Where(l => l.State == LoanState.Disbursed))
            {
                foreach (var installment in loan.Schedule!.Installments.Where(x => x.DueDate >= monday && x.DueDate < monday.PlusWeeks(1)))
                {
                    fund.Repay(HostToday.Of(installment.DueDate), loan.Id, installment.DueDate, installment.Amount);
                }
            }
            afterEachWeek?.Invoke(new Week(week, monday, group, register, ledger, fund));
        }
        return new TenYearGroup(Options,
            JsonSerializer.Serialize(households.Select(h => h.ToState()).ToArray(), Options),
            JsonSerializer.Serialize(persons.Select(p => p.ToState()).ToArray(), Options),
            JsonSerializer.Serialize(group.ToState(), Options),
            JsonSerializer.Serialize(register.ToState(), Options),
            JsonSerializer.Serialize(ledger.ToState(), Options),
            JsonSerializer.Serialize(fund.ToState(), Options),
            ledger.Count);
    }

    private static PovertyEvidence Evidence(LocalDate asOf) => new(
        new RegistryEntry(RegistrySource.Dtks, 1, asOf.PlusDays(-30)),
        new PraRanking(new ExerciseId(Ids.Guid(26, 1)), new LocalDate(2019, 11, 4), WealthCategory.Miskin, IsPoor: true, ConfirmedByRegistry: true),
        OnPs2List: false);
}
