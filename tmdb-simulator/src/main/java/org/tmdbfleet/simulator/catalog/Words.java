package org.tmdbfleet.simulator.catalog;

import java.util.List;
import java.util.SplittableRandom;

/** Vocabulary the generated titles, overviews and people are drawn from. */
final class Words {

	static final List<String> ADJECTIVES = List.of("Silent", "Last", "Dark", "Golden", "Broken", "Hidden", "Lost",
			"Red", "Electric", "Midnight", "Burning", "Eternal", "Savage", "Quiet", "Crimson", "Hollow", "Final",
			"Wild", "Frozen", "Distant", "Secret", "Iron", "Little", "Endless", "Forgotten");

	static final List<String> NOUNS = List.of("River", "Empire", "Garden", "Kingdom", "Shadow", "Station", "Horizon",
			"Machine", "Promise", "Winter", "Harbor", "Signal", "Frontier", "Memory", "Storm", "Mirror", "Circus",
			"Island", "Letter", "Road", "Heart", "Summer", "Witness", "Protocol", "Orchard", "Night", "City");

	static final List<String> JAPANESE = List.of("千尋", "神隠し", "桜", "夏", "風", "海", "星", "夜", "月", "花火",
			"東京", "少女", "侍", "約束", "記憶", "秘密", "雨", "光", "森", "影", "七人", "城", "猫", "空");

	static final List<String> KOREAN = List.of("기생충", "서울", "밤", "바다", "사랑", "기억", "비밀", "여름", "겨울",
			"소녀", "전쟁", "도시", "꿈", "별", "바람", "살인", "추억", "아가씨", "괴물", "부산행");

	static final List<String> RUSSIAN_STARTS = List.of("Москва", "Белое солнце", "Тихий Дон", "Последнее лето",
			"Холодная ночь", "Красная палатка", "Долгая дорога", "Тёмные аллеи", "Ночной дозор", "Сталкер",
			"Брат", "Зеркало", "Летят журавли");

	static final List<String> RUSSIAN_ENDS = List.of("слезам не верит", "пустыни", "над Волгой", "в огне",
			"без границ", "и мы", "домой", "", "", "");

	static final List<String> CHINESE = List.of("英雄", "卧虎", "藏龙", "霸王", "别姬", "活着", "红高粱", "花样年华",
			"大红灯笼", "无间道", "功夫", "天下");

	static final List<String> SUBJECTS = List.of("A retired detective", "An estranged sister",
			"A young cartographer", "An ambitious chef", "A disgraced astronaut", "A small-town mechanic",
			"A reclusive composer", "An old friend", "A rookie journalist", "An exiled prince",
			"A single mother", "A teenage hacker", "A weary soldier", "A traveling magician");

	static final List<String> VERBS = List.of("must uncover", "sets out to find", "is drawn into",
			"tries to escape", "fights to protect", "reluctantly agrees to investigate", "stumbles upon",
			"races against time to stop", "learns the price of");

	static final List<String> OBJECTS = List.of("a conspiracy that reaches the highest levels of power",
			"the truth about a father's disappearance", "a forbidden love affair",
			"a heist that could change everything", "an ancient secret buried beneath the city",
			"a family fortune that never existed", "the last working radio on the coast",
			"a string of impossible murders", "a rival who knows every move in advance");

	static final List<String> CLAUSES = List.of("before the winter ends.", "in a city that never forgets.",
			"while the whole world is watching.", "with nothing left to lose.",
			"as old wounds begin to reopen.", "before the last train leaves the station.",
			"and discovers that nothing is what it seems.", "at the edge of a collapsing empire.");

	static final List<String> FIRST_NAMES = List.of("Anna", "Ben", "Carla", "David", "Elena", "Frank", "Grace",
			"Hiro", "Ines", "Jamal", "Kate", "Luca", "Maya", "Nikolai", "Olivia", "Pedro", "Quinn", "Rosa", "Sven",
			"Tomás", "Uma", "Viktor", "Wen", "Yuki", "Zoe");

	static final List<String> LAST_NAMES = List.of("Anders", "Bauer", "Chen", "Dubois", "Evans", "Fischer",
			"García", "Hayes", "Ito", "Jensen", "Kim", "Lopez", "Moreau", "Novak", "O'Brien", "Petrov", "Rossi",
			"Singh", "Tanaka", "Walsh", "Young");

	static final List<String> CHARACTERS = List.of("Detective", "Mother", "The Stranger", "Captain", "Doctor",
			"Himself", "Young Girl", "Bartender", "Agent", "Professor", "Narrator (voice)", "Mayor");

	static final List<String> KEYWORDS = List.of("based on novel or book", "dystopia", "friendship", "revenge",
			"small town", "heist", "time travel", "coming of age", "murder", "road trip", "artificial intelligence",
			"world war ii", "family relationships", "biography", "sequel", "superhero", "survival", "high school",
			"new york city", "woman director", "duringcreditsstinger", "remake", "love triangle", "space");

	static final List<String> TAGLINES = List.of("Some secrets never stay buried.", "Every legend has a beginning.",
			"The truth is out there.", "One night. One chance.", "Nobody leaves the island.",
			"Love is a battlefield.", "Hope is a dangerous thing.");

	private Words() {
	}

	static String pick(SplittableRandom random, List<String> words) {
		return words.get(random.nextInt(words.size()));
	}

	static String person(SplittableRandom random) {
		return pick(random, FIRST_NAMES) + " " + pick(random, LAST_NAMES);
	}

}
