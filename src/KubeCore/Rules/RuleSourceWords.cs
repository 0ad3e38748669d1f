namespace KubeCore.Rules;

/// <summary>
/// The source's own words for every rule of <see cref="RuleCatalogue"/>: short verbatim excerpts (Bahasa Indonesia,
/// typing errors of the source kept) with where they were read and an English gloss, and for what no source states,
/// KubeCore's design reason. Seed excerpts occur verbatim (whitespace aside) in the seed documents, which the tests
/// hold a copy of and check; page excerpts were read on the cited address. shared/domain/SOURCES.md is the project's
/// notes about the sources, not a source: nothing here is quoted from it.
/// </summary>
internal static class RuleSourceWords
{
    private const string Seed000 = "Seed 000 (Kelompok Usaha Bersama (KUB), blog post, 2 August 2012)";
    private const string Seed001 = "Seed 001 (Strategi Pendamping dan Keberlanjutan KUBE di Wonogiri, thesis abstract)";
    private const string Seed002 = "Seed 002 (BLPS to KUBE in Desa Dawuhan, Kab. Malang, 2011, thesis abstract)";
    private const string Seed003 = "Seed 003 (Dinas Sosial Kota Palangka Raya, Sosialisasi manajemen pengelolaan KUBE 2019)";
    private const string Seed004 = "Seed 004 (BKM Guyub Rukun, Pelatihan KSM, 29 January 2017)";

    private const string Kalbar = "https://dinsos.kalbarprov.go.id/blog/2019/09/12/syarat-pengajuan-kelompok-usaha-bersama-kube/";
    private const string KalbarDoc = "Dinsos Kalimantan Barat, Prosedur Pengusulan KUBE, 12 September 2019";
    private const string Permensos = "https://idn.paperplane-tm.site/2020/07/tata-cara-pembentukan-golongan-kerja.html";
    private const string PermensosDoc = "Permensos 2/2019 Ps 3-5 in a machine-paraphrased copy: 'kerja keras' stands for 'usaha', 'mesti menyanggupi' for 'harus memenuhi'";
    private const string Tangsel = "https://seputartangsel.pikiran-rakyat.com/nasional/pr-141111759/kemensos-sediakan-bantuan-sosial-kelompok-usaha-bersama-kube-rp2-juta-tertarik-begini-syaratnya";
    private const string TangselDoc = "Seputar Tangsel (Pikiran Rakyat), Kemensos KUBE requirements, 15 December 2020";
    private const string Sulut = "https://portalsulut.pikiran-rakyat.com/nasional/amp/pr-851015230/sebelum-2021-daftar-bantuan-kemensos-2-juta-ini-syarat-dan-cara-mendapatkan";
    private const string SulutDoc = "Portal Sulut (Pikiran Rakyat), 26 November 2020, quoting the Kemensos website";
    private const string Upk = "https://text-id.123dok.com/document/ozllvxe6z-unit-pengelola-keuangan-upk.html";
    private const string UpkDoc = "P2KP/PNPM Mandiri Perkotaan KSM criteria and loan scheme, quoted in a thesis (123dok)";
    private const string Skim = "https://text-id.123dok.com/document/lzgrjrjvq-peminjam-s-uku-bunga-s-istem.html";
    private const string SkimDoc = "PNPM Mandiri Perkotaan revolving-loan scheme, quoted in a thesis (123dok)";
    private const string Salemba = "https://lkmairsalemba.blogspot.com/2013/02";
    private const string SalembaDoc = "LKM Air Salemba, February 2013, the PNPM Mandiri Perkotaan loan scheme as applied";
    private const string Spp = "https://text-id.123dok.com/document/lq5o28rgz-pengertian-simpan-pinjam-kelompok-perempuan-spp-tujuan-simpan-pinjam-perempuan-spp.html";
    private const string SppDoc = "PTO PNPM Mandiri Perdesaan 2008 p. 30 (SPP, rural), quoted in a thesis (123dok)";
    private const string Bps = "https://sendangsari.bantulkab.go.id/first/artikel/724-14-KRITERIA-MASYARAKAT-MISKIN-MENURUT-STANDAR-BPS";
    private const string BpsDoc = "Desa Sendangsari (Bantul), 14 kriteria masyarakat miskin menurut standar BPS, 14 February 2020";
    private const string Iied = "https://www.iied.org/g01435";
    private const string IiedDoc = "Guijt 1992, A user's note: wealth ranking by cards, RRA Notes 15 (IIED); an English source";
    private const string Kepmensos = "https://banjarsari-labuhanhaji.desa.id/artikel/2023/2/22/keputusan-menteri-sosial-ri-tentang-kriteria-fakir-miskin";
    private const string KepmensosDoc = "Desa Banjarsari (Labuhan Haji), Kepmensos 262/HUK/2022, 22 February 2023";
    private const string Pob = "https://text-id.123dok.com/document/oz14l02vz-pengukuran-kinerja-danyatakan-tidak-memadai-jika-total-skor-mencapai-8-atau-total.html";
    private const string PobDoc = "POB Pinjaman Bergulir PNPM Mandiri Perkotaan 2013, quoted in a thesis (123dok); the copy lost its <, ≤ and % signs";
    private const string Stages = "https://123dok.com/article/ciri-ciri-tahap-perkembangan-kube-kelurahan-kebon-waru.wq2vk72y";
    private const string StagesDoc = "Ciri-ciri tahap perkembangan KUBE, Kelurahan Kebon Waru (Bandung), thesis (123dok)";
    private const string Blps = "https://id.scribd.com/document/434827207/kube";
    private const string BlpsDoc = "KUBE (BLPS era), document on Scribd 434827207";
    private const string Ojk = "https://www.fortuneidn.com/finance/tingkatan-skor-kredit-slik-ojk-00-fykp7-h6b6xl/amp";
    private const string OjkDoc = "Fortune Indonesia on the SLIK collectibility classes of POJK 40/POJK.03/2019";

    private static readonly Dictionary<RuleId, SourceExcerpt[]> Words = new()
    {
        [RuleIds.Grp01] =
        [
            Seed(Seed000, "Berdasarkan kesadaran dan kesamaan-kesamaan dengan jumlah 5 – 10 orang.", "(KUB formation) By awareness and shared traits, with 5 to 10 persons."),
            Page(Permensos, PermensosDoc, "Jumlah anggota Kelompok Usaha Bersama (KUBE) paling sedikit 5 (lima) kepala keluarga dan paling banyak 20 (dua puluh) kepala keluarga.", "A KUBE has at least 5 and at most 20 heads of household (Ps 3(2))."),
            Page(Upk, UpkDoc, "Jumlah anggota minimal 5 orang", "(KSM) At least 5 members."),
        ],
        [RuleIds.Grp02] =
        [
            Seed(Seed000, "Rumah tangga miskin peserta analisis struktur masyarakat diberi waktu dan kesempatan untuk memutuskan apakah sepakat akan membentuk kelompok atau tidak.", "The poor households in the community-structure analysis are given time and the chance to decide whether they agree to form a group."),
            Seed(Seed000, "Bersepakat untuk mengadakan pertemuan awal.", "They agree to hold an initial meeting."),
        ],
        [RuleIds.Grp03] =
        [
            Page(Kalbar, KalbarDoc, "himpunan dari keluarga dengan jumlah anggota kepala keluarga 10 KK", "A KUBE is a body of families whose members are 10 heads of household (KK): membership is counted in households."),
        ],
        [RuleIds.Grp04] =
        [
            Page(Permensos, PermensosDoc, "tinggal di wilayah desa/kelurahan/nama lain dalam kecamatan yang sama", "Members live in a desa/kelurahan within the same kecamatan (Ps 3(1) b)."),
            Page(Kalbar, KalbarDoc, "Berdomisili tetap dan berdekatan (dalam satu wilayah)", "Permanently resident and close together (in one area): the strict regional practice."),
        ],
        [RuleIds.Grp06] =
        [
            Seed(Seed003, "Ada 30 KUBE yang baru dibentuk dan telah diverifikasi keanggotaannya serta administrasinya oleh Dinas Sosial Kota Palangka Raya awal Januari lalu.", "30 newly formed KUBE had their membership and administration verified by the Dinas Sosial of Palangka Raya in early January."),
        ],
        [RuleIds.Grp07] =
        [
            Page(Kalbar, KalbarDoc, "Memiliki rekening dan stempel atas nama kelompok pada bank", "Has a bank account and a stamp in the group's name."),
            Page(Kalbar, KalbarDoc, "Bantuan merupakan asset KUBE bukan perorangan", "The aid is an asset of the KUBE, not of individuals."),
        ],
        [RuleIds.Mem01] =
        [
            Page(Permensos, PermensosDoc, "mesti masuk dalam data terpadu Penanganan Fakir Miskin dan orang tidak mampu", "Members must be in the integrated data of the poor (DTPFMOTM, later DTKS/DTSEN) (Ps 4(2))."),
            Page(Upk, UpkDoc, "Warga miskin tercantum dalam PS2.", "(KSM borrower) A poor resident on the PS2 list."),
            Seed(Seed000, "Pemeringkatan kekayaan dengan metoda Wealth Ranking (WR) untuk menetapkan keluarga-keluarga miskin dan lebih miskin di desa.", "Wealth ranking sets which families of the desa are poor and poorer."),
        ],
        [RuleIds.Mem02] =
        [
            Page(Permensos, PermensosDoc, "kepala keluarga dan/atau pencari nafkah utama dalam keluarga", "Head of the family and/or its main earner (Ps 5)."),
        ],
        [RuleIds.Mem03] =
        [
            Page(Tangsel, TangselDoc, "Sudah menikah dan masih dalam usia produktif (18-60 tahun);", "Married and of productive age (18-60 years)."),
            Page(Kalbar, KalbarDoc, "Berusia antara 18-59 tahun dan sudah menikah", "Aged 18-59 and married (the Kalbar regional profile)."),
            Page(Blps, BlpsDoc, "Anggota berusia antara 15-55 tahun dan sudah berkeluarga;", "(BLPS era) Members aged 15-55 and with a family of their own."),
        ],
        [RuleIds.Mem04] =
        [
            Page(Kalbar, KalbarDoc, "Tidak boleh PNS, TNI/POLRI, maupun pensiunan", "Not a civil servant, soldier or police officer, nor a pensioner."),
        ],
        [RuleIds.Mem05] =
        [
            Page(Upk, UpkDoc, "Jumlah anggota KSM minimal 30 perempuan.", "At least 30 [%] of the KSM's members are women (the copy lost the % sign)."),
        ],
        [RuleIds.Mem06] =
        [
            Page("https://dukcapil.klaten.go.id/arti-16-digit-nomor-induk-kependudukan-nik", "Dukcapil Kabupaten Klaten, Arti 16 digit NIK", "Untuk perempuan, tanggal lahir ditambah 40 (misal lahir tanggal 10, menjadi 50).", "For women, the birth day is increased by 40 (born on the 10th: 50)."),
            Page("https://dukcapil.klaten.go.id/arti-16-digit-nomor-induk-kependudukan-nik", "Dukcapil Kabupaten Klaten, Arti 16 digit NIK", "NIK tidak bisa diganti hanya karena ingin menyamakan dengan tanggal lahir atau bulan lahir atau tahun lahir.", "A NIK cannot be changed just to make it agree with the birth date: a disagreement is a warning, not a refusal."),
        ],
        [RuleIds.Off01] =
        [
            Seed(Seed000, "Mempunyai pengurus kelompok yang berasal dari anggotanya.", "Has group officers who come from its members."),
        ],
        [RuleIds.Off02] =
        [
            Page(Permensos, PermensosDoc, "Pengurus Kelompok Usaha Bersama (KUBE) terdiri atas", "The officers of a KUBE are: ketua, sekretaris, bendahara and anggota (Ps 3(3); the list follows as bullets)."),
        ],
        [RuleIds.Off03] =
        [
            Page(Permensos, PermensosDoc, "diseleksi menurut hasil musyawarah/keputusan anggota kelompok", "(Officers are) chosen by the result of deliberation / the decision of the group's members (Ps 3(4))."),
        ],
        [RuleIds.Pov01] =
        [
            Page(Bps, BpsDoc, "Jika minimal 9 variabel terpenuhi maka suatu rumah tangga dikategorikan miskin.", "A household that meets at least 9 of the variables is poor."),
            Page(Bps, BpsDoc, "Luas lantai bangunan tempat tinggal kurang dari 8 m2 per orang", "Criterion 1: floor area below 8 m² per person."),
            Page(Bps, BpsDoc, "petani dengan luas lahan 500 m2, buruh tani, nelayan, buruh bangunan, buruh perkebunan dan atau pekerjaan lainnya dengan pendapatan dibawah Rp. 600.000,- per bulan", "Criterion 12: a farmer with 500 m² of land (no 'less than' in the source), a labourer or fisher, or other work earning under Rp 600.000 a month."),
        ],
        [RuleIds.Pov02] =
        [
            Page(Kepmensos, KepmensosDoc, "dalam hal seseorang tidak memiliki tempat berteduh/tinggal sehari-hari maka langsung dikategorikan sebagai fakir miskin;", "A person with no shelter or daily dwelling is fakir miskin outright."),
            Page(Kepmensos, KepmensosDoc, "pengeluaran kebutuhan makan lebih besar dari setengah total pengeluaran;", "Further criterion (c): food takes more than half of total spending."),
            Page(Kepmensos, KepmensosDoc, "sumber penerangan berasal dari listrik dengan daya 450 VA atau bukan listrik.", "Further criterion (h): lighting from a 450 VA connection or not from electricity."),
        ],
        [RuleIds.Pov03] =
        [
            Page("https://nasional.kontan.co.id/news/desil-bansos-berubah-ini-cara-agar-tetap-terima-bantuan-pemerintah?page=2", "Kontan, quoting the head of BPS via Antara", "10 persen dengan tingkat kesejahteraan terendah dikategorikan sebagai desil 1.", "The 10 % with the lowest welfare form decile 1 (of ten)."),
            Page("https://nasional.kontan.co.id/news/desil-bansos-berubah-ini-cara-agar-tetap-terima-bantuan-pemerintah?page=2", "Kontan, quoting the head of BPS via Antara", "proses perangkingan dilakukan oleh BPS setiap tiga bulan sekali.", "BPS re-ranks every three months."),
        ],
        [RuleIds.Pra01] =
        [
            Page(Iied, IiedDoc, "Wealth ranking is best done with up to 100 households (or other unit) who know each other well.", "(English source) Up to 100 households who know each other well."),
            Page(Iied, IiedDoc, "Three informants should carry out the exercise […] for the same community to reduce bias.", "(English source; the page's two columns interleave where […] stands) Three informants per community, to reduce bias."),
        ],
        [RuleIds.Pra02] =
        [
            Page("https://sitoolkit.com/the-five-domains/economic/poverty/wealth-ranking", "SI Toolkit, Wealth ranking; an English source", "Wealth rankings are often carried out actually as wealth categorizations using pre-defined wealth categories, such as wealth terciles (3 categories)", "(English source) Rankings are often categorisations into preset bands, such as terciles."),
        ],
        [RuleIds.Pra03] =
        [
            Seed(Seed000, "Hasil WR dicocokkan dengan data dasar dari keluarga miskin yang diperoleh dari pengumpulan data rumah tangga miskin.", "The wealth-ranking result is matched with the base data of poor families from the poor-household data collection."),
        ],
        [RuleIds.Fac01] =
        [
            Page("https://lensa.news/?p=12160", "Lensa.news, Kotamobagu, quoting Kemensos, 9 October 2019", "1 pendampin akan membawahi 10 kelompok atau 100 orang.", "One pendamping will oversee 10 groups, or 100 people (an assignment of the allocation, not a stated maximum)."),
        ],
        [RuleIds.Fac02] =
        [
            Seed(Seed003, "jika ditemui pendamping yang tidak aktif, KUBE wajib melaporkannya ke Dinas Sosial sehingga bisa ditindaklanjuti.", "If a pendamping is found inactive, the KUBE must report it to the Dinas Sosial so it can be followed up."),
        ],
        [RuleIds.Fac03] =
        [
            Seed(Seed001, "terdapat 5 aspek strategi pendampingan sosial khususnya melalui pelatihan dan advokasi terhadap masyarakat miskin yaitu motivasi, Peningkatan kesadaran dan pelatihan kemampuan, manajemen diri, mobilisasi sumber, dan pembangunan dan pengembangan jaringan.", "There are 5 aspects of the social-facilitation strategy: motivation; awareness raising and skills training; self-management; resource mobilisation; building and developing networks."),
        ],
        [RuleIds.Sav04] =
        [
            Seed(Seed004, "1. Tabungan rutin mingguan.", "Rule 1: routine weekly savings."),
            Seed(Seed004, "Hal ini dilakukan sebagai proses pembelajaran dalam menolong dirinya sendiri melalui kegiatan menabung", "This is learning to help oneself through saving."),
        ],
        [RuleIds.Sav05] =
        [
            Seed(Seed004, "3. Pembukuan rutin mingguan. Melakukan pembukuan kegiatan dan keuangan kelompok secara mandiri.", "Rule 3: routine weekly bookkeeping; the group keeps the books of its activities and finances itself."),
        ],
        [RuleIds.Sav06] =
        [
            Seed(Seed002, "mempunyai akuntabilitas seperti Iuran Kesetiakawanan Sosial (IKS) dan buku tabungan anggota", "Accountable, with a social solidarity contribution (IKS) and member savings books."),
            Page(Stages, StagesDoc, "Mampu menyisihkan dana IKS untuk anggota kelompok, keluarga miskin lainnya dan berpartisipasi dalam pembangunan di lingkungannya", "Able to set IKS aside for group members, other poor families and local development."),
        ],
        [RuleIds.Loan01] =
        [
            Seed(Seed004, "Kelompok dapat memulai pinjaman dalam kelompok segera setelah ada permintaan dari anggotanya, bahkan dapat memulai dari pertemuan pertama.", "(a) The group may start lending within the group as soon as a member asks, even from the first meeting."),
            Page(Upk, UpkDoc, "KSM dapat mengakses pinjaman bergulir apabila membentuk kelompok minimal 3 bulan berturut-turut memiliki kegiatan untuk menggalang tabungan kelompok.", "(b) A KSM may take a revolving loan once it has had group-savings activity for at least 3 consecutive months."),
            Page(Upk, UpkDoc, "Semua anggota KSM menyetujui sistem tanggung renteng dan ditaungkan secara tertulis dalam Pernyataan Kesanggupan Tanggung Renteng.", "(b) Every KSM member agrees to joint liability, in writing, in the joint-liability statement."),
        ],
        [RuleIds.Loan02] =
        [
            Page(Skim, SkimDoc, "Besar pinjaman mula-mula ditentukan maksimal Rp. 500.000,00 peranggota dalam satu KSM", "A first loan is at most Rp 500.000 per member of a KSM."),
            Page(Skim, SkimDoc, "dapat memperoleh pinjaman kembali sampai dengan Rp 2.000.000,00 peranggota", "(A KSM that repays well) may borrow again up to Rp 2.000.000 per member."),
            Page(Skim, SkimDoc, "Bagi anggota KSM yang telah menerima pinjaman sampai batas maksimal Rp 2.000.000,00 atau 4 kali pinjaman maka LKM UPK akan memberikan rekomendasi anggota KSM tersebut ke Lembaga Keuangan Formal", "A member who has borrowed up to Rp 2.000.000 or 4 loans is referred by the LKM/UPK to a formal financial institution."),
            Page(Salemba, SalembaDoc, "Bagi anggota KSM yang telah menerima pinjaman sampai batas maksimal (Rp 3.000.000 atau 4 kali pinjaman)", "Another copy of the scheme: the referral limit is Rp 3.000.000 or 4 loans."),
        ],
        [RuleIds.Loan03] =
        [
            Page(Skim, SkimDoc, "Jangka waktu pinjaman 3-12 bulan disesuaikan dengan kondisi usaha peminjam.", "The term is 3-12 months, fitted to the borrower's business."),
            Page(Skim, SkimDoc, "Angsuran pinjaman maksimal bulanan, tanpa adanya tenggang waktu", "Installments at least monthly, with no grace period."),
        ],
        [RuleIds.Loan04] =
        [
            Page(Skim, SkimDoc, "sesuai dengan aturan umum dari PNPM M andiri Perkotaan yaitu 1,5 dari jumlah pokok pinjaman.", "By the general PNPM Mandiri Perkotaan rule: 1,5 [%] of the principal (no period and no % sign in the copy)."),
            Page(Skim, SkimDoc, "Setiap kali angsuran harus mencakup jasa dan pokok pinjaman.", "Every installment includes jasa and principal."),
        ],
        [RuleIds.Loan05] =
        [
            Page(Skim, SkimDoc, "prioritas pembayaran dilakukan menurut urutan : Jasa Pinjaman, Pokok Pinjaman yang tertunggak.", "A short payment goes first to jasa, then to overdue principal (current principal last is KubeCore's)."),
        ],
        [RuleIds.Loan06] =
        [
            Seed(Seed004, "4. Melaksanakan perguliran pinjaman dalam kelompok.", "Rule 4: the group revolves loans within itself."),
        ],
        [RuleIds.Loan07] =
        [
            Page(Spp, SppDoc, "Jika mempunyai catatan tunggakan dan tidak membayar, peserta tidak diperkenankan meminjam kembali.", "(Of a group that repaid and applies again) With a record of arrears left unpaid, it may not borrow again."),
        ],
        [RuleIds.Loan08] =
        [
            Page(Skim, SkimDoc, "Sistem pembayaran menggunakan tanggung renteng, artinya semua pinjaman merupakan tanggung jawab semua anggota KSM dalam satu KSM", "Payment is by joint liability: every loan is the responsibility of all members of the KSM."),
        ],
        [RuleIds.Loan09] =
        [
            Page("http://pnpmmuarasiau.blogspot.com/2011/02/sop-perguliran.html", "SOP Perguliran PNPM Mandiri Perdesaan, Muara Siau, 2011 (rural)", "Perguliran dilakukan dengan meminjamkan kembali modal usaha tersebut kepada masyarakat, baik yang sudah maupun yang belum pernah mendapatkan pinjaman.", "Revolving means lending the capital again, to those who have and who have not borrowed before (this SOP counts repaid principal and jasa as the revolving capital)."),
        ],
        [RuleIds.Col01] =
        [
            Page(Pob, PobDoc, "Pinjaman Lancar Kolektibilitas 1 : Pinjaman yang tidak terdapat tunggakan baik pokok ataupun bunga", "Kol 1 (lancar): no arrears of principal or interest."),
            Page(Pob, PobDoc, "Pinjaman Dalam Perhatian Khusus Kolektibilitas 2 : Pinjaman yang terdapat unsur tunggakan pokok dan bunga ≤ 3 bulankali angsuran", "Kol 2 (DPK): arrears of principal and interest of at most 3 monthly installments."),
        ],
        [RuleIds.Port01] =
        [
            Page(Pob, PobDoc, "Loan At Risk LAR = Jumlah KSM Nunggak 3 bulan kali Total KSM Bersaldo Pinjaman KSM Aktif", "LAR = KSM in arrears of 3 installments / active KSM with a loan balance."),
            Page(Pob, PobDoc, "Return On Investm ent ROI = Laba bersih dari Januari s.d Akhir Bulan Terakhir x12 n Total Modal P2KP, PNPM, Lainnya", "ROI = net profit January to the last month × 12 / n, over total capital."),
            Page(Pob, PobDoc, "Loan At Risk LAR = 10 10 S.D 20 20", "LAR bands: [<] 10 good, 10 to 20 adequate, [>] 20 poor; the signs are lost."),
            Page(Pob, PobDoc, "Repayment Rate RR = 90 80 s.d 90 80", "RR bands: [>] 90 good, 80 to 90 adequate, [<] 80 poor; the signs are lost."),
        ],
        [RuleIds.Col02] =
        [
            Page(Ojk, OjkDoc, "Keterlambatan tersebut terhitung 1-90 hari dari tanggal jatuh tempo.", "DPK (Kol 2): 1-90 days past the due date."),
            Page(Ojk, OjkDoc, "Tunggakan yang dimiliki debitur berlangsung antara 121-180 hari setelah tanggal jatuh tempo berakhir.", "Diragukan (Kol 4): 121-180 days past due."),
            Page("https://text-id.123dok.com/document/6zkrm71yx-peringatan-dini-pengaturan-penerapan-prinsip-kehati-hatian-dalam-penyaluran-kredit.html", "BRI Kupedes provisioning after a Bank Indonesia decree, quoted in a thesis (123dok)", "5 x Dalam Perhatian Khusus DPK posisi akhir bulan yang bersangkutan. 15 x Kurang lancar KL posisi akhir bulan yang bersangkutan.", "Provisions of 5 [%] of DPK and 15 [%] of kurang lancar at month end (then 50 and 100; the copy lost the % signs). From a BI decree for BRI Kupedes, not from POJK 40/2019."),
        ],
        [RuleIds.Aid01] =
        [
            Page(Sulut, SulutDoc, "Perhitungannya adalah jumlah anggota KUBE dikalikan Rp2 juta.", "The amount is the number of KUBE members multiplied by Rp 2 million."),
            Page(Tangsel, TangselDoc, "besaran Rp2 juta bagi setiap anggota kelompok", "Rp 2 million for each member of the group."),
            Seed(Seed002, "Program yang memberikan bantuan berupa uang sebesar 30.000.000 rupiah untuk masing-masing kelompok usaha bersama yang disalurkan melalui perbankan.", "(BLPS) Aid of Rp 30.000.000 to each KUBE, paid through banks."),
        ],
        [RuleIds.Aid02] =
        [
            Seed(Seed002, "program ini ditujukan unuk KUBE tumbuh yang pernah di bentuk atau diberdayakan oleh dinas sosial provinsi maupun kab/kota.", "BLPS is meant for growing (tumbuh) KUBE formed or empowered by the provincial or district social service."),
            Seed(Seed002, "Program BLPS yang di berikan kepada 10 Kelompok Usaha Bersama yang terpilih dari 30 kelompok usaha bersama", "BLPS went to 10 KUBE selected from 30."),
            Page(Blps, BlpsDoc, "KUBE Pengembangan (BLPS) : KUBE yang telah berhasil baik dalam pengelolaan Usaha Ekonomis Produktif (UEP), adminstrasi maupun kegiatan kelompok yang telah berjalan minimal 2 tahun.", "A development (BLPS) KUBE has done well in its business, administration and group activity, which have run at least 2 years."),
        ],
        [RuleIds.Aid03] =
        [
            Page("https://portalnusantara.id/post/penerima-bantuan-uep-wajib-lapor-penggunaan-dana-dinsos-banten-lakukan-monitoring", "Portal Nusantara, Dinsos Banten UEP, 20 December 2025", "Khusus bantuan UEP, penerima wajib membuat laporan pertanggungjawaban penggunaan dana. Nota pembelian harus dikumpulkan dan akan kami monitor hingga 10 Januari 2026,", "UEP recipients must report how the money was used; purchase receipts are collected and monitored until 10 January 2026 (three weeks after the 20 December disbursement)."),
        ],
        [RuleIds.Five01] = [Seed(Seed004, "1. Tabungan rutin mingguan.", "Rule 1: routine weekly savings.")],
        [RuleIds.Five02] =
        [
            Seed(Seed004, "2. Pertemuan rutin mingguan. Hal ini dilakukan sebagai pembelajaran untuk memecahkan masalah yang timbul setiap minggunya.", "Rule 2: a routine weekly meeting, to learn to solve the week's problems."),
        ],
        [RuleIds.Five03] = [Seed(Seed004, "3. Pembukuan rutin mingguan.", "Rule 3: routine weekly bookkeeping.")],
        [RuleIds.Five04] =
        [
            Seed(Seed004, "4. Melaksanakan perguliran pinjaman dalam kelompok. Kelompok dapat memulai pinjaman dalam kelompok segera setelah ada permintaan dari anggotanya, bahkan dapat memulai dari pertemuan pertama.", "Rule 4: loans revolve within the group, which may start lending as soon as a member asks, even from the first meeting."),
        ],
        [RuleIds.Five05] = [Seed(Seed004, "5. Melaksanakan pengembalian pinjaman dalam kelompok.", "Rule 5: loans are repaid within the group.")],
        [RuleIds.Stg01] =
        [
            Page(Stages, StagesDoc, "Mengacu pada ciri-ciri tahap perkembangan KUBE, maka KUBE HPMBK-1 tergolong pada tipologi berkembang. Meskipun KUBE HPMBK-1 tergolong pada tipologi berkembang, namun ada komponen dari ciri- ciri tahap perkembangan KUBE yang belum terpenuhi", "By the stage traits KUBE HPMBK-1 is placed at Berkembang, although some of the traits are not met: a stage is not an all-of checklist."),
            Page(Stages, StagesDoc, "Mampu menyisihkan dana IKS untuk anggota kelompok, keluarga miskin lainnya dan berpartisipasi dalam pembangunan di lingkungannya", "(Maju) Able to set IKS aside for members, other poor families and local development."),
        ],
        [RuleIds.Stg02] =
        [
            Seed(Seed001, "keberlanjutan KUBE dilihat melalui 3 indikator yaitu bidang kelembagaan, bidang sosial, dan bidang ekonomi.", "A KUBE's sustainability is seen through 3 indicators: institutional, social and economic."),
        ],
        [RuleIds.Priv01] =
        [
            Page("https://siplawfirm.id/uu-27-tahun-2022-cara-negara-melindungi-data-pribadi-warga-negaranya/?lang=id", "SIP Law Firm on UU 27/2022 (Pelindungan Data Pribadi)", "data tentang orang perseorangan yang teridentifikasi atau dapat diidentifikasi secara tersendiri atau dikombinasi dengan informasi lainnya", "Personal data: data about a person identified or identifiable alone or combined with other information (UU 27/2022)."),
            Page("https://kabartrenggalek.com/sidang-dkpp-kpu-trenggalek-nurani-nik-bukan-data-pribadi-yang-harus-dilindungi", "Kabar Trenggalek, on UU 23/2006 (Administrasi Kependudukan) Ps 84", "data pribadi penduduk yang harus dilindungi memuat nomor KK, NIK, tanggal/bulan/tahun lahir", "The residents' personal data to be protected include the family-card number, the NIK and the birth date (named in the Adminduk law, not in UU 27/2022's list)."),
        ],
    };

    private static readonly Dictionary<RuleId, string> Reasons = new()
    {
        [RuleIds.Grp03] = "No source says 'one member per household' outright; sources count members in KK (households), and one seat per Kartu Keluarga is KubeCore's reading of that count.",
        [RuleIds.Grp05] = "The sources do not say what happens when a member leaves a minimum-size group; an explicit UnderStrength state with a grace period keeps loans and aid from flowing to a group that no longer meets its profile, without dissolving it at once.",
        [RuleIds.Grp06] = "The states and their order are KubeCore's model of the formation steps (seed 000) and the Dinas Sosial verification (seed 003); the Kemensos verval page cited before was not found again, so no words of it are shown.",
        [RuleIds.Mem01] = "The decile cut-off (at most 4) and the staleness period are KubeCore's defaults from general bansos practice, not words of the cited sources.",
        [RuleIds.Mem07] = "Hostile input (control and bidi-override characters, invisible or overlong names) froze nothing but polluted records that auditors read; a readable, bounded name is the least a register of persons needs.",
        [RuleIds.Off02] = "'Exactly one' of each office and one person one office are KubeCore's governance rules: the source lists the offices without counting them.",
        [RuleIds.Off04] = "A group without a bendahara has no one accountable for its cash; refilling the office before money moves keeps every disbursement signed for.",
        [RuleIds.Off05] = "Auditors expect segregation of duties: the person who keeps the cash should not approve a loan to themselves.",
        [RuleIds.Pov01] = "The threshold 9 is from secondary copies of the BPS list; no BPS text for it was found.",
        [RuleIds.Pov02] = "The count of further criteria that makes a household fakir miskin is KubeCore's: the decree joins criteria (a) to (h) with 'dan/atau' and gives no count.",
        [RuleIds.Pov03] = "A decile older than one re-ranking cycle (3 months) is treated as stale: an inference from the cycle, not a stated rule.",
        [RuleIds.Pra02] = "The score formula (100 × pile / pile count, averaged over informants) and the bands are KubeCore's: the IIED note describes card sorting but gives no formula.",
        [RuleIds.Fac01] = "The sources assign one pendamping to 10 KUBE; a maximum (refusing an eleventh group) is KubeCore's reading, and 10 for KUB and KSM profiles is a default without a source.",
        [RuleIds.Fac02] = "60 days without a visit or report as 'inactive' is KubeCore's default; the monthly report rests on a Dinsos page not re-read in this check.",
        [RuleIds.Sav01] = "Auditors must be able to trust the books: entries are never edited or deleted, a correction is a reversing entry, and each entry carries the hash of the previous one so any tampering shows.",
        [RuleIds.Sav02] = "A member cannot withdraw savings they do not have; the sources are silent because it goes without saying.",
        [RuleIds.Sav03] = "A bookkeeping identity of KubeCore's double-entry ledger: cash always equals what the group owes its members and funds, so a broken identity means corrupt books.",
        [RuleIds.Sav04] = "The weekly amount and the week's first day are profile defaults, not source values.",
        [RuleIds.Sav05] = "Closing a week with totals that reconcile, and refusing entries into a closed week, is KubeCore's reading of weekly bookkeeping.",
        [RuleIds.Sav06] = "The 10 % share of profit is KubeCore's default; the sources give no percentage.",
        [RuleIds.Sav07] = "Money in whole rupiah with a stated rounding keeps every figure reproducible; floating point would not.",
        [RuleIds.Sav08] = "A deposit of long.MaxValue froze a group's books: a ceiling per amount and balances that stay representable keep one bad input from locking a ledger.",
        [RuleIds.Sav09] = "A deposit dated 9999-12-31 froze a group's books; the library reads no clock, so the host's today in the group's own time zone bounds every book date.",
        [RuleIds.Loan02] = "The ceilings in KUB and KUBE profiles are KubeCore's, borrowed from PNPM; the copies of the PNPM scheme disagree (first loan Rp 500.000 or Rp 1.000.000; referral at Rp 2.000.000 or Rp 3.000.000).",
        [RuleIds.Loan04] = "'Per month, flat on the original principal' is KubeCore's reading: the source gives 1,5 without a period, and the period rests on one proposal's arithmetic.",
        [RuleIds.Loan05] = "Current principal after overdue principal is KubeCore's completion of the source's order.",
        [RuleIds.Loan06] = "No source states the cash limit or the quorum: a disbursement never exceeds the loan fund's available cash (money the group has), and a decision with quorum follows the VSLA practice of approving loans at a meeting.",
        [RuleIds.Loan07] = "The words found are the rural SPP rule for a group re-applying; no urban KSM text forbids a new loan while in arrears, so applying it to every member and group in arrears is KubeCore's reading.",
        [RuleIds.Loan08] = "The order of cover (the defaulter's savings, then the solidarity fund, then the other members pro rata) and the threshold are KubeCore's; the source states joint liability only.",
        [RuleIds.Loan09] = "Only repaid principal returns to the loan fund; jasa is booked as income. The rural SOP found counts principal and jasa together as revolving capital.",
        [RuleIds.Col01] = "Classes 3 to 5 (by installments overdue) are configurable defaults: the copy of the POB breaks off after class 2.",
        [RuleIds.Col02] = "The provisions 1/5/15/50/100 % come from a Bank Indonesia decree as applied to BRI Kupedes, not from POJK 40/2019.",
        [RuleIds.Port01] = "The copy lost its ≤/< signs: which band a ratio exactly on an edge takes is KubeCore's choice; 'below 0 % (a loss) is poor' for ROI is implied, not written.",
        [RuleIds.Port02] = "Auditors must reproduce every indicator: each is computed from a dated ledger snapshot, never from running state.",
        [RuleIds.Aid02] = "The ranking of candidates (stage, time active, member savings, group id) is KubeCore's. Sources differ on the stage: seed 002 says BLPS is for KUBE tumbuh, the Scribd document asks for KUBE that have done well and puts 'KUBE produktif/berkembang' first; KubeCore keeps the stage out of the gate and ranks by it.",
        [RuleIds.Aid03] = "21 days is applied to KUBE grants by analogy with an individual UEP grant; receipts per spend and spends within the grant are KubeCore's accounting.",
        [RuleIds.Stg01] = "The source lists 6 Tumbuh, 5 Berkembang and 6 Maju traits; KubeCore uses 4 of each, and 'shows best' as more than half of the traits, with 'rising' over 3 months, is KubeCore's reading.",
        [RuleIds.Stg02] = "The sub-checks of each indicator and their thresholds are KubeCore's: the seed names the three indicators only.",
        [RuleIds.Priv01] = "Masking all but the first 6 and last 2 digits is KubeCore's choice: the laws protect the data but prescribe no mask.",
        [RuleIds.Mem03] = "A marital status not recorded is refused where marriage is required: KubeCore's reading of 'sudah menikah'.",
        [RuleIds.Mem05] = "Counting the 30 % over all members (not borrowers) is KubeCore's choice where copies differ.",
    };

    /// <summary>The excerpts of <paramref name="id"/>'s sources; empty when none states the rule.</summary>
    public static IReadOnlyList<SourceExcerpt> Excerpts(RuleId id) => Words.TryGetValue(id, out var words) ? words : [];

    /// <summary>KubeCore's design reason for <paramref name="id"/> (or its unsourced part); null when there is none.</summary>
    public static string? DesignReason(RuleId id) => Reasons.GetValueOrDefault(id);

    private static SourceExcerpt Seed(string seed, string text, string gloss) => new(text, seed, gloss);

    private static SourceExcerpt Page(string address, string document, string text, string gloss) => new(text, $"{address} ({document})", gloss);
}
