package ner

import "strings"

// Common given names by gender, for "he"/"she" agreement. A name found in
// both lists (or in neither) leaves the gender unknown. The lists favour
// names of people in international news; they are facts, not a model.
var maleNames = strings.Fields(`
aaron abdel abdul abdullah abe abraham adam adel ahmad ahmed akbar alan albert alberto alejandro aleksandar aleksandr
alex alexander alexandre alexei alexis ali alfred alfonso ali allen alvaro amir anatoly anders andre andrea andreas
andrei andres andrew andrzej angelo anthony antonio antony anwar ariel arnold arthur ashraf augusto ayman bashar ben
benjamin benny bernard bernie bill billy bob bobby boris boyko brad bradley brian bruce bruno carl carlos cesar charles
chris christian christopher chuck claude colin conrad craig cristiano dan daniel danny dario dave david dennis denis
dick dieter dimitri dmitry dominic dominique don donald doug douglas duncan dwight ed eddie edgar eduardo edward emmanuel
enrique eric erik ernesto evo fabio faisal fernando francesco francis francisco frank franz fred frederick gabriel gary
gennady george georgi gerald gerhard giuseppe gordon greg gregory guido gustavo hamid hans harold harry hassan heinz
helmut henri henry herbert hosni howard hugo hussein ibrahim igor imran ivan jack jacob jacques jair james jamie jan
javier jean jeff jeffrey jens jeremy jerry jim jimmy joachim joe joel johann john johnny jon jonathan jorge jose josef
joseph juan julian justin kamal karl keir keith ken kenneth kevin khalid kim kofi kurt larry lars lee leon leonid lionel
louis luigi luis luiz lula mahmoud malcolm manuel marc marco mario mark martin mateusz matteo matthew mauricio max
michael michel miguel mikhail mike mitch mohamed mohammad mohammed moon muhammad mustafa narendra nasser nathan neil
nelson nicholas nick nicolas nicolae nikolai nikita nigel norman nuri olaf oleg oliver omar oscar otto pablo paolo
patrick paul pedro pervez peter petro phil philip philippe pierre rahul ralph ramon randy raul ray recep reza riccardo
richard rick rishi rob robert rodrigo roger roland romano ron ronald rudolf rudy russell ryan saad saddam salman sam
samuel saud scott sean sebastian sergei sergey sergio shimon shinzo silvio simon stefan stephen steve steven stuart
sultan ted terry theo thomas tim timothy tom tony vaclav valery vasily viktor vincent vladimir vladislav volodymyr
walter wang werner william xi yasser yevgeny yitzhak yoshihide yukio yuri zbigniew
`)

var femaleNames = strings.Fields(`
ada agnes alice alicia amanda amy ana andrea angela angelina ann anna anne annalena annette barbara beata benazir
betty beverly brenda carla carmen carol caroline catherine cecilia charlotte christina christine claire claudia
cristina cynthia dana daniela deborah diana dilma donna doris dorothy elena eleanor elisabeth elizabeth ellen emily
emma erna eva evelyn federica florence frances francoise gabriela giorgia gloria golda grace hannah heather helen
helle hillary ingrid irene isabel jacinda jane janet janice jennifer jessica jill joan joanna josephine joyce judith
julia julie justine karen kamala kate katherine kathleen kathy kristalina laura linda lisa liz liza louise lucy
madeleine margaret margrethe maria marie marine marion martha mary melania michelle mette nancy natalia natalie
nicola nikki olga pamela patricia paula penny rachel rebecca rita rosa ruth sahra samantha sandra sara sarah
segolene sheikh sheila silvia sonia sophie stephanie susan suzanne tanya teresa theresa tsai ursula valentina
valerie vanessa victoria virginia wendy yulia yvonne
`)

// givenName reports whether w (lower case) is a known given name.
// It returns 'm' or 'f', 1 for a name of either gender, 0 otherwise.
func givenName(w string) byte {
	if g := genderOf[w]; g != 0 {
		return g
	}
	return known[w]
}

var known = func() map[string]byte {
	m := map[string]byte{}
	for _, n := range maleNames {
		m[n] = 1
	}
	for _, n := range femaleNames {
		m[n] = 1
	}
	return m
}()

var genderOf = func() map[string]byte {
	m := map[string]byte{}
	for _, n := range maleNames {
		m[n] = 'm'
	}
	for _, n := range femaleNames {
		if m[n] == 'm' {
			m[n] = 0
			continue
		}
		m[n] = 'f'
	}
	return m
}()

// NameGender guesses a person's gender from the first word of a name
// ("Vladimir Putin" -> 'm', "Theresa May" -> 'f'); 0 when unknown.
func NameGender(name string) byte {
	f := strings.Fields(name)
	if len(f) == 0 {
		return 0
	}
	return genderOf[strings.ToLower(strings.Trim(f[0], ".,"))]
}

// HonorificGender reads the gender of Mr, Mrs, Ms, Sir, Queen... ; 0 for
// other words.
func HonorificGender(w string) byte {
	switch strings.ToLower(strings.TrimSuffix(w, ".")) {
	case "mr", "sir", "lord", "herr", "senor", "señor", "prince", "king":
		return 'm'
	case "mrs", "ms", "miss", "madam", "mme", "dame", "lady", "frau", "princess", "queen":
		return 'f'
	}
	return 0
}
