// The launch campaign, written in the project's own words from the facts in
// the Observatory's appeal. Admins can replace any text with the organisers'
// official wording; names, addresses, dates and figures are facts.
import type { CampaignSeed } from "../seed-campaign";

const verifiedOn = "2025-05-23";

export const launchCampaign: CampaignSeed = {
  slug: "russia-amnesty-undesirable",
  status: "open",
  organiser: "Observatory for the Protection of Human Rights Defenders (FIDH-OMCT)",
  languages: ["en", "ru"],
  signatureGoal: 10_000,
  appealDate: "2025-05-23",
  opensAt: "2025-05-23T00:00:00Z",
  translations: {
    en: {
      title: "Russia: lift the ban on Amnesty International",
      summary:
        "On 19 May 2025 Russia declared Amnesty International an “undesirable organisation”. Write to the Russian authorities: ask them to reverse the decision and to stop persecuting human rights defenders.",
      context: [
        "On 19 May 2025 the Prosecutor General’s Office of the Russian Federation put Amnesty International on its list of “undesirable organisations”. It accused the organisation’s London office of preparing “Russophobic” projects and of supporting Ukraine.",
        "The law on “undesirable organisations”, passed in 2015 and made harsher in 2021 and 2024, lets the Prosecutor General, together with the Ministry of Foreign Affairs, ban any foreign or international organisation it sees as a threat to the constitutional order, the defence or the security of the state. A banned organisation may not work in Russia in any form: it cannot publish, move money, or help people and groups there.",
        "Taking part in the activities of such an organisation can bring a fine of up to 15,000 roubles (about 167 EUR) under Article 20.33 of the Code of Administrative Offences. Under Article 284.1 of the Criminal Code, repeat participation can bring up to four years in prison, donating up to four years, and running the organisation up to six. People have been punished merely for reposting a banned organisation’s material, even posts published before the ban.",
        "Amnesty International’s Moscow office was closed, and its website blocked, soon after the full-scale invasion of Ukraine in 2022. When the decision was taken, around 223 organisations were already on the list, among them Transparency International, Meduza and Radio Free Europe/Radio Liberty.",
      ].join("\n\n"),
      whyItMatters: [
        "Amnesty International, founded in 1961 and awarded the Nobel Peace Prize in 1977, documents human rights violations in every country, Russia included. The ban cuts people in Russia off from one more independent source of information and support, and turns any contact with the organisation into an offence.",
        "The Observatory for the Protection of Human Rights Defenders, a joint programme of FIDH and OMCT, asks people everywhere to write to the Russian authorities. Letters show officials that the world is watching, and show the defenders who are targeted that they are not alone.",
      ].join("\n\n"),
      safetyNotice:
        "If you are in Russia, or plan to travel there, think carefully before taking part. Signing, sharing or reposting this appeal can be treated as taking part in the activities of an “undesirable organisation”, which is punished with fines and prison. Amnesty International itself advises people in Russia not to share its material. Letters reach the Russian authorities, including the FSB and the Prosecutor General’s Office, with whatever name you put on them. You can write without giving your name, and you can print or export a letter without leaving any personal data with us.",
    },
    ru: {
      title: "Россия: отмените запрет Amnesty International",
      summary:
        "19 мая 2025 года Россия признала Amnesty International «нежелательной организацией». Напишите российским властям: потребуйте отменить это решение и прекратить преследование правозащитников.",
      context: [
        "19 мая 2025 года Генеральная прокуратура Российской Федерации внесла Amnesty International в перечень «нежелательных организаций». Ведомство обвинило лондонский офис организации в подготовке «русофобских» проектов и в поддержке Украины.",
        "Закон о «нежелательных организациях», принятый в 2015 году и ужесточённый в 2021 и 2024 годах, позволяет Генеральному прокурору по согласованию с Министерством иностранных дел запретить любую иностранную или международную организацию, которую он сочтёт угрозой конституционному строю, обороноспособности или безопасности государства. Запрещённая организация не может действовать в России ни в какой форме: ни публиковать материалы, ни переводить деньги, ни помогать людям и группам в стране.",
        "За участие в деятельности такой организации грозит штраф до 15 000 рублей (около 167 евро) по статье 20.33 Кодекса об административных правонарушениях. По статье 284.1 Уголовного кодекса за повторное участие грозит до четырёх лет лишения свободы, за пожертвования — до четырёх лет, за руководство — до шести. Людей наказывали даже за репосты материалов запрещённой организации, в том числе опубликованных до запрета.",
        "Московский офис Amnesty International был закрыт, а её сайт заблокирован вскоре после начала полномасштабного вторжения в Украину в 2022 году. На момент решения в перечне было около 223 организаций, в том числе Transparency International, «Медуза» и Радио Свобода.",
      ].join("\n\n"),
      whyItMatters: [
        "Amnesty International, основанная в 1961 году и получившая Нобелевскую премию мира в 1977 году, документирует нарушения прав человека во всех странах, включая Россию. Запрет лишает людей в России ещё одного независимого источника информации и поддержки и превращает любой контакт с организацией в правонарушение.",
        "Обсерватория по защите правозащитников, совместная программа FIDH и OMCT, призывает людей во всём мире написать российским властям. Письма показывают чиновникам, что за их действиями следят, а правозащитникам — что они не одни.",
      ].join("\n\n"),
      safetyNotice:
        "Если вы находитесь в России или собираетесь туда поехать, хорошо подумайте, прежде чем участвовать. Подпись, распространение или репост этого призыва могут быть расценены как участие в деятельности «нежелательной организации», за что грозят штрафы и лишение свободы. Сама Amnesty International советует людям в России не распространять её материалы. Письма попадают к российским властям, в том числе в ФСБ и Генеральную прокуратуру, с тем именем, которое вы в них укажете. Вы можете написать письмо без имени, а также распечатать или скачать его, не оставляя у нас никаких личных данных.",
    },
  },
  demands: [
    {
      en: "Remove Amnesty International from the list of “undesirable organisations” immediately.",
      ru: "Немедленно исключить Amnesty International из перечня «нежелательных организаций».",
    },
    {
      en: "Repeal the law on “undesirable organisations” and related repressive laws, such as the “foreign agents” law.",
      ru: "Отменить закон о «нежелательных организациях» и связанные с ним репрессивные законы, в том числе закон об «иностранных агентах».",
    },
    {
      en: "End all harassment, including judicial harassment, of Amnesty International, its members and every human rights organisation and defender in Russia, and let them work without hindrance or fear of reprisal.",
      ru: "Прекратить любое преследование, в том числе судебное, Amnesty International, её участников и всех правозащитных организаций и правозащитников в России и позволить им работать беспрепятственно и без страха перед репрессиями.",
    },
    {
      en: "Guarantee in all circumstances the freedoms of expression, peaceful assembly and association protected by international human rights law, in particular Articles 19, 21 and 22 of the International Covenant on Civil and Political Rights.",
      ru: "При любых обстоятельствах гарантировать свободу выражения мнений, мирных собраний и объединений, защищённую международным правом в области прав человека, в частности статьями 19, 21 и 22 Международного пакта о гражданских и политических правах.",
    },
  ],
  addressees: [
    {
      key: "ru-president",
      name: "Vladimir Putin",
      role: "President of the Russian Federation",
      organisation: "Office of the President of the Russian Federation",
      kind: "official",
      emails: [],
      xHandle: "KremlinRussia_E",
      salutation: "Dear Mr President,",
      lastVerifiedOn: verifiedOn,
      translations: {
        ru: { name: "Владимир Путин", role: "Президент Российской Федерации", salutation: "Уважаемый господин Президент!" },
      },
    },
    {
      key: "ru-prime-minister",
      name: "Mikhail Mishustin",
      role: "Prime Minister of the Russian Federation",
      organisation: "Government of the Russian Federation",
      kind: "official",
      emails: [],
      xHandle: "GovernmentRF",
      salutation: "Dear Prime Minister,",
      lastVerifiedOn: verifiedOn,
      translations: {
        ru: { name: "Михаил Мишустин", role: "Председатель Правительства Российской Федерации", salutation: "Уважаемый господин Председатель Правительства!" },
      },
    },
    {
      key: "ru-foreign-minister",
      name: "Sergey Lavrov",
      role: "Minister of Foreign Affairs of the Russian Federation",
      organisation: "Ministry of Foreign Affairs of the Russian Federation",
      kind: "official",
      emails: ["ministry@mid.ru"],
      salutation: "Dear Minister,",
      lastVerifiedOn: verifiedOn,
      translations: {
        ru: { name: "Сергей Лавров", role: "Министр иностранных дел Российской Федерации", salutation: "Уважаемый господин Министр!" },
      },
    },
    {
      key: "ru-prosecutor-general",
      name: "Igor Krasnov",
      role: "Prosecutor General of the Russian Federation",
      organisation: "Prosecutor General’s Office of the Russian Federation",
      kind: "official",
      emails: ["pressa@genproc.gov.ru"],
      salutation: "Dear Prosecutor General,",
      lastVerifiedOn: verifiedOn,
      translations: {
        ru: { name: "Игорь Краснов", role: "Генеральный прокурор Российской Федерации", salutation: "Уважаемый господин Генеральный прокурор!" },
      },
    },
    {
      key: "ru-fsb-director",
      name: "Alexander Bortnikov",
      role: "Director of the Federal Security Service (FSB)",
      organisation: "Federal Security Service of the Russian Federation",
      kind: "official",
      emails: ["fsb@fsb.ru"],
      salutation: "Dear Director,",
      lastVerifiedOn: verifiedOn,
      translations: {
        ru: { name: "Александр Бортников", role: "Директор Федеральной службы безопасности (ФСБ)", salutation: "Уважаемый господин Директор!" },
      },
    },
    {
      key: "ru-mission-un-geneva",
      name: "Permanent Mission of the Russian Federation to the United Nations Office at Geneva",
      role: "Diplomatic mission",
      kind: "mission",
      country: "CH",
      emails: ["mission.russian@vtxnet.ch"],
      salutation: "Excellency,",
      lastVerifiedOn: verifiedOn,
      translations: {
        ru: {
          name: "Постоянное представительство Российской Федерации при Отделении ООН в Женеве",
          role: "Дипломатическое представительство",
          salutation: "Ваше Превосходительство!",
        },
      },
    },
    {
      // The appeal gives the Geneva mission's address for this embassy too.
      // Seeded as given; delivery never sends one address two copies.
      key: "ru-embassy-be",
      name: "Embassy of the Russian Federation in Brussels, Belgium",
      role: "Embassy",
      kind: "embassy",
      country: "BE",
      emails: ["mission.russian@vtxnet.ch"],
      salutation: "Excellency,",
      lastVerifiedOn: verifiedOn,
      translations: {
        ru: {
          name: "Посольство Российской Федерации в Королевстве Бельгия (Брюссель)",
          role: "Посольство",
          salutation: "Ваше Превосходительство!",
        },
      },
    },
  ],
  templates: {
    en: {
      subject: "Remove Amnesty International from the list of “undesirable organisations”",
      body: [
        "{{salutation}}",
        "I am writing to express my deep concern at the decision of the Prosecutor General’s Office of 19 May 2025 to declare Amnesty International an “undesirable organisation”.",
        "This decision turns peaceful human rights work into an offence. It exposes anyone in Russia who reads, shares or supports Amnesty International’s work to fines and prison, and it deprives people in Russia of an independent voice that has defended human rights everywhere since 1961.",
        "I therefore urge the authorities of the Russian Federation to:",
        "{{demands}}",
        "Yours faithfully,",
        "{{signer}}",
      ].join("\n\n"),
      xPost:
        "@{{handle}} Remove Amnesty International from the list of “undesirable organisations”, repeal the law behind it and let human rights defenders in Russia work without fear.",
    },
    ru: {
      subject: "Исключите Amnesty International из перечня «нежелательных организаций»",
      body: [
        "{{salutation}}",
        "Я пишу, чтобы выразить глубокую обеспокоенность решением Генеральной прокуратуры от 19 мая 2025 года признать Amnesty International «нежелательной организацией».",
        "Это решение превращает мирную правозащитную деятельность в правонарушение. Оно грозит штрафами и лишением свободы каждому в России, кто читает, распространяет или поддерживает работу Amnesty International, и лишает людей в России независимого голоса, который с 1961 года защищает права человека во всём мире.",
        "Поэтому я призываю власти Российской Федерации:",
        "{{demands}}",
        "С уважением,",
        "{{signer}}",
      ].join("\n\n"),
      xPost:
        "@{{handle}} Исключите Amnesty International из перечня «нежелательных организаций», отмените этот закон и позвольте правозащитникам в России работать без страха.",
    },
  },
};
