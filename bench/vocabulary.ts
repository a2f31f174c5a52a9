import { createRandom } from './prng.ts';

/**
 * The world the synthetic corpus is written about: conflicts with their places, sides and
 * officials, and a registry of generated people with roles. It is fixed (its own seed), so the
 * people the benchmark asks `/who` about exist whatever seed the articles use.
 */
export interface Person {
  name: string;
  /** How an article introduces them: "Serbian President", "mayor of Zvečan". */
  role: string;
  topic: string;
  pronoun: 'he' | 'she';
}

export interface Side {
  /** Adjective used in roles and events: "Serbian", "Kosovo". */
  adjective: string;
  /** The country or party as a subject: "Serbia", "the Kosovo government". */
  name: string;
  /** Armed or police force: "Serbian troops", "Kosovo police". */
  force: string;
}

export interface Conflict {
  /** A key of src/corpus/topics.json, so `/briefing <key>` finds the articles. */
  topic: string;
  label: string;
  places: string[];
  sides: [Side, Side];
  /** Third parties that comment, mediate or deploy. */
  brokers: string[];
  officials: Person[];
  regionNames: { first: string[]; last: string[] };
}

const words = (text: string): string[] => text.split(' ');

const official = (
  topic: string,
  name: string,
  role: string,
  pronoun: 'he' | 'she' = 'he',
): Person => ({ name, role, topic, pronoun });

export const CONFLICTS: Conflict[] = [
  {
    topic: 'kosovo',
    label: 'Kosovo',
    places: [
      'Zvečan',
      'Leposavić',
      'Zubin Potok',
      'North Mitrovica',
      'Banjska',
      'Jarinje',
      'Pristina',
    ],
    sides: [
      { adjective: 'Serbian', name: 'Serbia', force: 'Serbian troops' },
      { adjective: 'Kosovo', name: 'Kosovo', force: 'Kosovo police' },
    ],
    brokers: ['NATO', 'the European Union', 'KFOR', 'the United States'],
    officials: [
      official('kosovo', 'Aleksandar Vučić', 'Serbian President'),
      official('kosovo', 'Albin Kurti', 'Kosovo Prime Minister'),
      official('kosovo', 'Vjosa Osmani', 'Kosovo President', 'she'),
      official('kosovo', 'Ana Brnabić', 'Serbian Prime Minister', 'she'),
      official('kosovo', 'Miloš Vučević', 'Serbian Defence Minister'),
      official('kosovo', 'Xhelal Sveçla', 'Kosovo Interior Minister'),
      official('kosovo', 'John Kirby', 'US National Security Council spokesman'),
      official('kosovo', 'Antony Blinken', 'US Secretary of State'),
      official('kosovo', 'Jake Sullivan', 'US National Security Adviser'),
      official('kosovo', 'Jens Stoltenberg', 'NATO Secretary General'),
      official('kosovo', 'Josep Borrell', 'EU foreign policy chief'),
      official('kosovo', 'Miroslav Lajčák', 'EU Special Representative'),
      official('kosovo', 'Gabriel Escobar', 'US envoy for the Western Balkans'),
      official('kosovo', 'Milan Radoičić', 'Kosovo Serb politician'),
      official('kosovo', 'Özkan Ulutaş', 'KFOR commander'),
    ],
    regionNames: {
      first: words(
        'Marko Nikola Stefan Dragan Milica Jelena Ivana Arben Besnik Driton Fatmir Blerim Drita Ardita Luan Petar Goran Zoran Dejan Teuta',
      ),
      last: words(
        'Petrović Jovanović Nikolić Marković Đorđević Stojanović Ilić Krasniqi Gashi Berisha Morina Hoxha Shala Bytyqi Kelmendi Rexhepi Popović Lazić Kovačević Savić',
      ),
    },
  },
  {
    topic: 'nagorno-karabakh',
    label: 'Nagorno-Karabakh',
    places: ['Stepanakert', 'the Lachin corridor', 'Goris', 'Shusha', 'Martakert', 'Askeran'],
    sides: [
      { adjective: 'Azerbaijani', name: 'Azerbaijan', force: 'Azerbaijani forces' },
      { adjective: 'Armenian', name: 'Armenia', force: 'ethnic Armenian fighters' },
    ],
    brokers: ['Russian peacekeepers', 'the European Union', 'the United Nations', 'the ICRC'],
    officials: [
      official('nagorno-karabakh', 'Ilham Aliyev', 'Azerbaijani President'),
      official('nagorno-karabakh', 'Nikol Pashinyan', 'Armenian Prime Minister'),
      official('nagorno-karabakh', 'Jeyhun Bayramov', 'Azerbaijani Foreign Minister'),
      official('nagorno-karabakh', 'Ararat Mirzoyan', 'Armenian Foreign Minister'),
      official(
        'nagorno-karabakh',
        'Hikmet Hajiyev',
        'foreign policy adviser to the Azerbaijani President',
      ),
      official('nagorno-karabakh', 'Samvel Shahramanyan', 'Karabakh Armenian leader'),
    ],
    regionNames: {
      first: words(
        'Armen Hayk Tigran Anahit Lusine Gor Aram Narek Elchin Rashad Leyla Kamran Farid Aysel Tural Nigar Samir Vugar Davit Karen',
      ),
      last: words(
        'Grigoryan Harutyunyan Sargsyan Hovhannisyan Petrosyan Avetisyan Mammadov Huseynov Hasanov Guliyev Ismayilov Babayev Karimov Abbasov Khachatryan Gasparyan Mkrtchyan Rzayev Safarov Aslanyan',
      ),
    },
  },
  {
    topic: 'ukraine',
    label: 'Ukraine',
    places: ['Kharkiv', 'Zaporizhzhia', 'Kherson', 'Bakhmut', 'Avdiivka', 'Odesa', 'Kyiv'],
    sides: [
      { adjective: 'Russian', name: 'Russia', force: 'Russian forces' },
      { adjective: 'Ukrainian', name: 'Ukraine', force: 'Ukrainian troops' },
    ],
    brokers: ['NATO', 'the United Nations', 'the IAEA', 'the European Union'],
    officials: [
      official('ukraine', 'Volodymyr Zelensky', 'Ukrainian President'),
      official('ukraine', 'Vladimir Putin', 'Russian President'),
      official('ukraine', 'Dmitry Peskov', 'Kremlin spokesman'),
      official('ukraine', 'Sergei Lavrov', 'Russian Foreign Minister'),
      official('ukraine', 'Dmytro Kuleba', 'Ukrainian Foreign Minister'),
      official('ukraine', 'Rafael Grossi', 'IAEA Director General'),
    ],
    regionNames: {
      first: words(
        'Oleksandr Andriy Serhiy Olena Iryna Natalia Dmytro Mykola Yulia Taras Sergei Alexei Anna Maria Igor Pavlo Oksana Viktor Yevhen Halyna',
      ),
      last: words(
        'Kovalenko Bondarenko Shevchenko Tkachenko Kravchenko Melnyk Boyko Lysenko Marchenko Savchenko Ivanov Smirnov Kuznetsov Sokolov Volkov Morozov Fedorov Orlov Pavlenko Hrytsenko',
      ),
    },
  },
  {
    topic: 'sudan',
    label: 'Sudan',
    places: ['Khartoum', 'Omdurman', 'El Fasher', 'Nyala', 'Wad Madani', 'El Geneina'],
    sides: [
      { adjective: 'Sudanese', name: 'the Sudanese army', force: 'army soldiers' },
      { adjective: 'RSF', name: 'the Rapid Support Forces', force: 'RSF fighters' },
    ],
    brokers: ['the African Union', 'the United Nations', 'Saudi Arabia', 'the United States'],
    officials: [
      official('sudan', 'Abdel Fattah al-Burhan', 'Sudanese army chief'),
      official('sudan', 'Mohamed Hamdan Dagalo', 'RSF commander'),
      official('sudan', 'Volker Perthes', 'UN envoy for Sudan'),
      official('sudan', 'Martin Griffiths', 'UN relief chief'),
    ],
    regionNames: {
      first: words(
        'Ahmed Mohamed Osman Ibrahim Khalid Fatima Amna Hiba Yasir Omer Abdelrahman Salma Mariam Hassan Tariq Nasreldin Awad Hamid Suad Rashid',
      ),
      last: words(
        'Abdalla Elamin Babiker Mahmoud Idris Adam Yousif Elbashir Mirghani Musa Hussein Ismail Siddig Khalifa Abbas Nour Taha Elhassan Gasim Fadul',
      ),
    },
  },
  {
    topic: 'gaza',
    label: 'Gaza',
    places: ['Gaza City', 'Khan Younis', 'Rafah', 'Jabalia', 'Deir al-Balah', 'Beit Hanoun'],
    sides: [
      { adjective: 'Israeli', name: 'Israel', force: 'Israeli troops' },
      { adjective: 'Hamas', name: 'Hamas', force: 'Hamas fighters' },
    ],
    brokers: ['Egypt', 'Qatar', 'the United Nations', 'the United States'],
    officials: [
      official('gaza', 'Benjamin Netanyahu', 'Israeli Prime Minister'),
      official('gaza', 'Yoav Gallant', 'Israeli Defence Minister'),
      official('gaza', 'Ismail Haniyeh', 'Hamas political leader'),
      official('gaza', 'António Guterres', 'UN Secretary-General'),
      official('gaza', 'Volker Türk', 'UN human rights chief'),
    ],
    regionNames: {
      first: words(
        'Yossi Noa Avi Tamar Eitan Michal Daniel Shira Amir Yael Mahmoud Rami Samir Layla Nour Khaled Hana Youssef Iyad Reem',
      ),
      last: words(
        'Cohen Levi Mizrahi Peretz Biton Friedman Katz Azoulay Shapiro Dahan Haddad Khalil Masri Najjar Saleh Barakat Qasem Shawa Hamdan Ashour',
      ),
    },
  },
];

const FEMALE_FIRST = new Set(
  words(
    'Milica Jelena Ivana Drita Ardita Teuta Anahit Lusine Leyla Aysel Nigar Olena Iryna Natalia Yulia Anna Maria Oksana Halyna Fatima Amna Hiba Salma Mariam Suad Noa Tamar Michal Shira Yael Layla Nour Hana Reem Sarah Emma Claire Sofia Elena Katarzyna Ingrid Laura Helen',
  ),
);

const INTERNATIONAL_NAMES = {
  first: words(
    'James Sarah Michael Emma Thomas Claire Pierre Lukas Sofia Marco Elena Jan Katarzyna Henrik Ingrid David Laura Robert Helen Mats',
  ),
  last: words(
    'Whitfield Johnson Brennan Miller Davies Wilson Moreau Dubois Schmidt Weber Rossi Bianchi Nowak Kowalski Hansen Larsen Clarke Evans Fischer Lindqvist',
  ),
};

const INTERNATIONAL_ROLES = [
  'analyst at the International Crisis Group',
  'researcher at the European Council on Foreign Relations',
  'OSCE monitor',
  'ICRC spokesperson',
  'UN humanitarian coordinator',
  'EU spokesperson',
  'senior fellow at the Atlantic Council',
  'former NATO commander',
  'professor of security studies at King’s College London',
  'Amnesty International researcher',
];

/** Roles of a generated person of one conflict; `%s` is a side adjective, `%p` a place. */
const LOCAL_ROLES = [
  '%s deputy defence minister',
  '%s foreign ministry spokesperson',
  '%s interior ministry spokesman',
  '%s military spokesman',
  '%s member of parliament',
  '%s opposition leader',
  '%s army general',
  '%s police commander',
  'mayor of %p',
  'deputy mayor of %p',
  'hospital director in %p',
  'local aid worker in %p',
  'resident of %p',
  'shop owner in %p',
  'regional governor of %p',
];

/** How many generated people the registry holds beside the real officials. */
export const GENERATED_PEOPLE = 2_000;

function generatePeople(): Person[] {
  const random = createRandom(0x5eed);
  const taken = new Set(CONFLICTS.flatMap((conflict) => conflict.officials.map((p) => p.name)));
  const people: Person[] = [];
  const perPool = Math.ceil(GENERATED_PEOPLE / (CONFLICTS.length + 1));
  const pools = [...CONFLICTS.map((conflict) => conflict as Conflict | null), null];
  for (const conflict of pools) {
    const names = conflict?.regionNames ?? INTERNATIONAL_NAMES;
    let made = 0;
    while (made < perPool && people.length < GENERATED_PEOPLE) {
      const first = random.pick(names.first);
      const name = `${first} ${random.pick(names.last)}`;
      if (taken.has(name)) continue;
      taken.add(name);
      made++;
      const pronoun = FEMALE_FIRST.has(first) ? 'she' : 'he';
      if (!conflict) {
        const topic = random.pick(CONFLICTS).topic;
        people.push({ name, role: random.pick(INTERNATIONAL_ROLES), topic, pronoun });
        continue;
      }
      const role = random
        .pick(LOCAL_ROLES)
        .replace('%s', random.pick(conflict.sides).adjective)
        .replace('%p', random.pick(conflict.places));
      people.push({ name, role, topic: conflict.topic, pronoun });
    }
  }
  return people;
}

/** Every person the corpus quotes: the real officials, then the generated registry. */
export const PEOPLE: readonly Person[] = [
  ...CONFLICTS.flatMap((conflict) => conflict.officials),
  ...generatePeople(),
];

export const PEOPLE_BY_TOPIC: ReadonlyMap<string, readonly Person[]> = new Map(
  CONFLICTS.map((conflict) => [
    conflict.topic,
    PEOPLE.filter((person) => person.topic === conflict.topic),
  ]),
);

export const OUTLETS: readonly { name: string; domain: string }[] = [
  'Balkan Wire',
  'Adriatic Observer',
  'Caucasus Monitor',
  'Black Sea Courier',
  'Transatlantic Brief',
  'Frontline Digest',
  'Danube Dispatch',
  'Steppe Report',
  'Nile Valley Times',
  'Levant Ledger',
  'Continental Post',
  'Northern Herald',
  'Meridian News',
  'Harbour Gazette',
  'Global Sentinel',
  'Evening Chronicle',
  'Capital Review',
  'Borderline Weekly',
  'Atlas Daily',
  'Compass Wire',
].map((name) => ({ name, domain: name.toLowerCase().replace(/\s+/g, '') }));
